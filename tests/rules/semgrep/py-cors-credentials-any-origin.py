"""Fixture for py-cors-credentials-any-origin.

RULEID: flask-cors wildcard with credentials, FastAPI CORSMiddleware wildcard with credentials,
reflected Origin next to Allow-Credentials.
OK: allow-list with credentials, wildcard without credentials.
"""
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask, request
from flask_cors import CORS

app = Flask(__name__)
# ruleid: py-cors-credentials-any-origin
CORS(app, origins="*", supports_credentials=True)
# ok: py-cors-credentials-any-origin
CORS(app, origins=["https://app.example.com"], supports_credentials=True)

api = FastAPI()
# ruleid: py-cors-credentials-any-origin
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
# ok: py-cors-credentials-any-origin
api.add_middleware(CORSMiddleware, allow_origins=["*"])


@app.after_request
def cors(resp):
    resp.headers["Access-Control-Allow-Credentials"] = "true"
    # ruleid: py-cors-credentials-any-origin
    resp.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "")
    return resp
