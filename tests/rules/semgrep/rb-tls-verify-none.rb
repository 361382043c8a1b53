# Fixture for rb-tls-verify-none.
# RULEID: VERIFY_NONE on Net::HTTP. OK: VERIFY_PEER with a CA file.
http = Net::HTTP.new("pay.example.com", 443)
http.use_ssl = true
# ruleid: rb-tls-verify-none
http.verify_mode = OpenSSL::SSL::VERIFY_NONE
# ok: rb-tls-verify-none
http.verify_mode = OpenSSL::SSL::VERIFY_PEER
http.ca_file = "/etc/ssl/certs/ca.pem"
