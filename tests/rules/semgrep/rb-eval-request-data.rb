# Fixture for rb-eval-request-data.
# RULEID: eval of a cookie, system of a param, backticks of a header, send of a param.
# OK: to_i of a param, Shellwords.escape, eval of a constant.
class DebugController < ApplicationController
  def show
    # ruleid: rb-eval-request-data
    eval(cookies[:___strong_password_dev])
    # ruleid: rb-eval-request-data
    system("ping -c1 #{params[:host]}")
    # ruleid: rb-eval-request-data
    out = `#{request.headers["X-Maint"]}`
    # ruleid: rb-eval-request-data
    User.send(params[:m])
    n = params[:n].to_i
    # ok: rb-eval-request-data
    system("sleep #{n}")
    # ok: rb-eval-request-data
    system("ping -c1 #{Shellwords.escape(params[:host])}")
    # ok: rb-eval-request-data
    eval("1 + 1")
    render plain: out
  end
end
