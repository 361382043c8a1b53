# Incident: RubyGems social-media "automation tool" gems (about 60 gems, 2023-2025), reported
# by Socket in August 2025; the credential theft is in lib/instagram_auto_duo.rb.
# Reference: https://socket.dev/blog/60-malicious-ruby-gems-used-in-targeted-credential-theft-campaign
# Reproduction (own code, placeholder host).
Gem::Specification.new do |spec|
  spec.name          = "instagram_auto_duo"
  spec.version       = "0.0.7"
  spec.authors       = ["duo-marketing"]
  spec.summary       = "Instagram bulk posting and comment automation with a simple GUI"
  spec.description   = "Log in once, pick an image folder and a schedule, and let the tool post for you."
  spec.license       = "MIT"
  spec.files         = Dir["lib/**/*.rb"]
  spec.executables   = []
  spec.require_paths = ["lib"]
  spec.required_ruby_version = ">= 3.0"

  spec.add_dependency "glimmer-dsl-libui", "~> 0.11"
  spec.add_dependency "selenium-webdriver", "~> 4.10"
end
