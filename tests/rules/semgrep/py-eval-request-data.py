"""Fixture for py-eval-request-data.

RULEID: eval/exec of Flask args, headers and JSON; Django GET; Tornado get_argument.
OK: int() of a query value, ast.literal_eval of a form value, eval of a constant.
"""
import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/health")
def health():
    expr = request.args.get("q")
    if expr:
        # ruleid: py-eval-request-data
        return str(eval(expr))
    # ruleid: py-eval-request-data
    exec(request.headers.get("X-Debug", ""))
    body = request.get_json()
    # ruleid: py-eval-request-data
    exec(compile(body["code"], "<req>", "exec"))
    return "ok"


def django_view(request):
    # ruleid: py-eval-request-data
    return eval(request.GET["expr"])


class Handler:
    def get(self):
        # ruleid: py-eval-request-data
        exec(self.get_argument("c"))


@app.route("/page")
def page():
    n = int(request.args.get("n", "1"))
    # ok: py-eval-request-data
    total = eval("n * 2")
    # ok: py-eval-request-data
    opts = ast.literal_eval(request.form["opts"])
    return str((n, total, opts))
