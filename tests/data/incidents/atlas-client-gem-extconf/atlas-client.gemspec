# Incident: atlas-client 0.0.1 (RubyGems), a typosquat of atlas_client, February 2020, one of
# ~700 typosquatting gems reported by ReversingLabs. The gem bundled a Windows executable
# renamed aaa.png and an extension build script that, at `gem install`, renamed it to a.exe and
# ran it; the payload persisted through a Run key and swapped crypto addresses in the clipboard.
# The executable itself is not reproduced here.
# Reference: https://www.reversinglabs.com/blog/mining-for-malicious-ruby-gems
# Reproduction (own code).
Gem::Specification.new do |spec|
  spec.name          = "atlas-client"
  spec.version       = "0.0.1"
  spec.authors       = ["Atlas"]
  spec.summary       = "Client for the Atlas API"
  spec.license       = "MIT"
  spec.files         = ["lib/atlas_client.rb", "ext/extconf.rb", "aaa.png"]
  spec.extensions    = ["ext/extconf.rb"]
  spec.require_paths = ["lib"]
end
