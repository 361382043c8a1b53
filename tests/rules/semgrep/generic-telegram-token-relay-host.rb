# Fixture for generic-telegram-token-relay-host (Ruby).
# RULEID: a notifier whose Bot API host is a workers.dev-style relay, token interpolated into
#   the path.
# OK: a message body mentioning /bot commands without a token; the chat id in a query string.
require 'net/http'

class ChatNotifier
  BASE = 'https://tg-gateway.edge-workers.example'.freeze

  def deliver(token, chat, text)
    # ruleid: generic-telegram-token-relay-host
    uri = URI("#{BASE}/bot#{token}/sendMessage")
    Net::HTTP.post_form(uri, 'chat_id' => chat, 'text' => text)
  end

  def help
    # ok: generic-telegram-token-relay-host
    'Send /bot help to see the commands'
  end
end
