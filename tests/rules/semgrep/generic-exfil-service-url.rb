# Fixture for generic-exfil-service-url.
# RULEID: a file.io upload URL. OK: rubygems.org.
# ruleid: generic-exfil-service-url
UPLOAD = "https://file.io/?expires=1d"
# ok: generic-exfil-service-url
SOURCE = "https://rubygems.org"
