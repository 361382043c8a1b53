# Fixture for rb-license-check-sends-password.
# RULEID: post_form of id/pw/mac in license_ok?; HTTParty.post with the password in the body of
# an activation check; set_form_data with the password in a registration check.
# OK: a licence check sending the serial and machine id; a login method posting the password to
# the service it logs in to; a licence check that takes a password but does not send it.
require "net/http"
require "uri"

module Tool
  AUTH_URL = URI("https://vendor.example/auth_check.php")

  def self.license_ok?(user, password)
    # ruleid: rb-license-check-sends-password
    res = Net::HTTP.post_form(AUTH_URL, "id" => user, "pw" => password, "mac" => mac)
    res.body.to_s.strip != "0"
  end

  def activate_copy(login, pass)
    # ruleid: rb-license-check-sends-password
    HTTParty.post("https://vendor.example/activate", body: { login: login, pass: pass })
  end

  def check_registration(user, pwd)
    req = Net::HTTP::Post.new(AUTH_URL)
    # ruleid: rb-license-check-sends-password
    req.set_form_data("u" => user, "p" => pwd)
    Net::HTTP.start(AUTH_URL.host, AUTH_URL.port, use_ssl: true) { |h| h.request(req) }
  end

  def license_valid?(serial)
    # ok: rb-license-check-sends-password
    res = Net::HTTP.post_form(AUTH_URL, "serial" => serial, "machine" => mac)
    res.is_a?(Net::HTTPSuccess)
  end

  def sign_in(user, password)
    # ok: rb-license-check-sends-password
    Net::HTTP.post_form(URI("https://api.service.example/login"), "user" => user, "password" => password)
  end

  def license_unlock(serial, password)
    @admin_password = password
    # ok: rb-license-check-sends-password
    Net::HTTP.post_form(AUTH_URL, "serial" => serial)
  end
end
