"""Fixture for py-debug-forced-on.

RULEID: app.run(debug=True) at import time, app.debug = True, DebuggedApplication(evalex=True).
OK: debug flag read from the environment, app.run(debug=True) under a __main__ guard.
"""
import os

from flask import Flask
from werkzeug.debug import DebuggedApplication

app = Flask(__name__)
# ruleid: py-debug-forced-on
app.debug = True
# ruleid: py-debug-forced-on
application = DebuggedApplication(app, evalex=True)


def serve():
    # ruleid: py-debug-forced-on
    app.run(host="0.0.0.0", debug=True)


def serve_configured():
    # ok: py-debug-forced-on
    app.run(host="0.0.0.0", debug=os.environ.get("APP_DEBUG") == "1")


if __name__ == "__main__":
    # ok: py-debug-forced-on
    app.run(debug=True)
