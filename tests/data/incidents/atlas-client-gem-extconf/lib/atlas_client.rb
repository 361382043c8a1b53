# Incident: atlas-client 0.0.1 (RubyGems), February 2020 (see ext/extconf.rb).
# Reference: https://www.reversinglabs.com/blog/mining-for-malicious-ruby-gems
# Reproduction (own code): the library part is an ordinary thin HTTP client.
require "net/http"
require "json"

module AtlasClient
  def self.get(path, base: "https://api.atlas.example")
    JSON.parse(Net::HTTP.get(URI.join(base, path)))
  end
end
