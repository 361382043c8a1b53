"""Fixture for py-unsafe-deserialize-request.

RULEID: pickle.loads of a base64 cookie, yaml.load of the body, marshal of request data, jsonpickle.
OK: json.loads of the body, yaml.safe_load of the body, pickle.loads of a local cache file.
"""
import base64
import json
import marshal
import pickle

import jsonpickle
import yaml
from flask import request


def restore_session():
    blob = request.cookies.get("sess")
    # ruleid: py-unsafe-deserialize-request
    return pickle.loads(base64.b64decode(blob))


def import_config():
    # ruleid: py-unsafe-deserialize-request
    cfg = yaml.load(request.data, Loader=yaml.Loader)
    # ruleid: py-unsafe-deserialize-request
    code = marshal.loads(request.get_data())
    # ruleid: py-unsafe-deserialize-request
    obj = jsonpickle.decode(request.form["state"])
    return cfg, code, obj


def safe():
    # ok: py-unsafe-deserialize-request
    cfg = yaml.safe_load(request.data)
    # ok: py-unsafe-deserialize-request
    body = json.loads(request.data)
    with open("/var/cache/app/model.pkl", "rb") as fh:
        # ok: py-unsafe-deserialize-request
        model = pickle.load(fh)
    return cfg, body, model
