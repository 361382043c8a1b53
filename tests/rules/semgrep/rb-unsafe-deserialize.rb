# Fixture for rb-unsafe-deserialize.
# RULEID: Marshal.load of a Base64 cookie, YAML.unsafe_load of the body.
# OK: JSON.parse of the cookie, YAML.safe_load of the body.
class PrefsController < ApplicationController
  def update
    # ruleid: rb-unsafe-deserialize
    prefs = Marshal.load(Base64.decode64(cookies[:prefs]))
    # ruleid: rb-unsafe-deserialize
    cfg = YAML.unsafe_load(request.body.read)
    # ok: rb-unsafe-deserialize
    safe = JSON.parse(cookies[:prefs])
    # ok: rb-unsafe-deserialize
    c2 = YAML.safe_load(request.body.read)
    render json: [prefs, cfg, safe, c2]
  end
end
