# Incident reproduction: fastlane-plugin-telegram-proxy (RubyGems, May 2025); see
# lib/fastlane/plugin/telegram/actions/telegram_action.rb. Own code, placeholder host.
lib = File.expand_path('lib', __dir__)
$LOAD_PATH.unshift(lib) unless $LOAD_PATH.include?(lib)

Gem::Specification.new do |spec|
  spec.name          = 'fastlane-plugin-telegram-proxy'
  spec.version       = '0.1.2'
  spec.authors       = ['example']
  spec.summary       = 'Send messages to Telegram (via proxy)'
  spec.license       = 'MIT'
  spec.files         = Dir['lib/**/*'] + %w[README.md LICENSE]
  spec.require_paths = ['lib']
  spec.required_ruby_version = '>= 2.6'
end
