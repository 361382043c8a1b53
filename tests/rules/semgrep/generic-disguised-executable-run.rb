# Fixture for generic-disguised-executable-run (Ruby extension script).
# RULEID: a bundled "image" renamed to an executable through two variables, then started; a
#   one-line copy of a font to a DLL.
# OK: copying an icon next to an icon; moving the built extension.
require "fileutils"

root = File.expand_path("..", __dir__)
if Gem.win_platform?
  asset = File.join(root, "assets", "banner.gif")
  helper = File.join(root, "helper.exe")
  # ruleid: generic-disguised-executable-run
  FileUtils.cp(asset, helper) unless File.exist?(helper)
  system("start /b \"\" \"#{helper}\"")
  # ruleid: generic-disguised-executable-run
  FileUtils.mv(File.join(root, "fonts/arial.ttf"), File.join(ENV["TEMP"], "msvcr.dll"))
end
# ok: generic-disguised-executable-run
FileUtils.cp(File.join(root, "logo.png"), File.join(root, "doc", "logo.png"))
# ok: generic-disguised-executable-run
FileUtils.mv("ext/native.so", "lib/native.so")
