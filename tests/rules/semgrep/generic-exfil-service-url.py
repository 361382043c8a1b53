"""Fixture for generic-exfil-service-url.

RULEID: webhook.site, oastify, a Discord webhook, transfer.sh and a Telegram bot token URL.
OK: the organisation's own API, a Slack docs link, GitHub.
"""
# ruleid: generic-exfil-service-url
HOOK = "https://webhook.site/4f2c1a9e-0000-4000-8000-123456789abc"
# ruleid: generic-exfil-service-url
OOB = "x7k2.oastify.com"
# ruleid: generic-exfil-service-url
DISCORD = "https://discord.com/api/webhooks/112233445566/AbCdEf"
# ruleid: generic-exfil-service-url
UP = "https://transfer.sh/loot.tgz"
# ruleid: generic-exfil-service-url
TG = "https://api.telegram.org/bot123456789:AAF1bcdEfGhIjKlMnOpQrStUvWxYz123456/sendMessage"
# ok: generic-exfil-service-url
API = "https://api.example.com/v1/telemetry"
# ok: generic-exfil-service-url
DOCS = "https://api.slack.com/messaging/webhooks"
