# Fixture for rb-auth-bypass-magic-value.
# RULEID: params[:password] master value setting session[:user_id]; a magic X- header signing in
#   an admin; user-agent gate with warden.set_user; Rack env HTTP_ header returning true;
#   valid_password? with `== "literal" || super`; authenticate returning true for a fixed token;
#   modifier-if sign_in; an always-true authenticate(password).
# OK: locale switch from params into session; a debug-panel toggle stored in the session;
#   scheme check "Bearer"; a role comparison; authenticate with a real bcrypt check; a health check
#   header that grants no identity.
class SessionsController < ApplicationController
  def create
    user = User.find_by(email: params[:email])
    # ruleid: rb-auth-bypass-magic-value
    if params[:password] == "Tr0ub4dor&3-master"
      session[:user_id] = user.id
      redirect_to root_path
    elsif user&.authenticate(params[:password])
      # ok: rb-auth-bypass-magic-value
      session[:user_id] = user.id
    end
  end

  def support_login
    # ruleid: rb-auth-bypass-magic-value
    if request.headers["X-Support-Token"] == "f00dcafe1234"
      sign_in(User.find_by(admin: true))
    end
  end

  def crawler
    # ruleid: rb-auth-bypass-magic-value
    if request.user_agent == "Mozilla/5.0 (compatible; InternalProbe/2.1)"
      warden.set_user(User.first, scope: :user)
    end
  end

  def quick
    # ruleid: rb-auth-bypass-magic-value
    sign_in(User.first) if params[:debug_key] == "opensesame"
  end

  def set_locale
    # ok: rb-auth-bypass-magic-value
    if params[:locale] == "fr-CA"
      session[:locale] = "fr-CA"
    end
  end

  def debug_toggle
    # ok: rb-auth-bypass-magic-value
    if params[:debug_panel] == "enabled"
      session[:show_debug_panel] = true
    end
  end

  def health
    # ok: rb-auth-bypass-magic-value
    if request.headers["X-Health-Check"] == "kubernetes"
      head :ok
    end
  end
end

class ApiAuth
  def authorized?(env)
    # ruleid: rb-auth-bypass-magic-value
    if env["HTTP_X_API_KEY"] == "sk_live_51Hx0000aaaa"
      # ruleid: rb-auth-bypass-magic-value
      return true
    end
    ApiKey.active.exists?(token: env["HTTP_X_API_KEY"])
  end

  def authenticate_token(token)
    # ruleid: rb-auth-bypass-magic-value
    return true if token == "7d1a0c3e-service"
    ApiKey.valid?(token)
  end

  def authenticate_header(header)
    scheme, value = header.split(" ", 2)
    # ok: rb-auth-bypass-magic-value
    return false unless scheme == "Bearer"
    ApiKey.valid?(value)
  end

  def authorize_admin(user)
    # ok: rb-auth-bypass-magic-value
    return true if user.role == "superadmin"
    false
  end
end

class User < ApplicationRecord
  def valid_password?(password)
    # ruleid: rb-auth-bypass-magic-value
    password == "letmein!2024" || super
  end
end

class LegacyUser
  # ruleid: rb-auth-bypass-magic-value
  def authenticate(password)
    true
  end

  # ok: rb-auth-bypass-magic-value
  def check_password(password)
    BCrypt::Password.new(password_digest) == password
  end
end
