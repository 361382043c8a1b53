"""Fixture for py-auth-bypass-magic-value.

RULEID: master password returning True, magic header returning an admin user, `or` shortcut.
OK: Bearer scheme check, comparison against a configured secret, role check.
"""
import hmac


def check_password(user, password):
    # ruleid: py-auth-bypass-magic-value
    if password == "Sup3rS3cret!2024":
        return True
    return hmac.compare_digest(hash_pw(password, user.salt), user.pw_hash)


def authenticate(request):
    token = request.headers.get("X-Service-Token")
    # ruleid: py-auth-bypass-magic-value
    if token == "d3bug-4ccess-0f-d00m":
        return User(id=0, is_superuser=True)
    return lookup(token)


def verify_login(username, password, db):
    # ruleid: py-auth-bypass-magic-value
    return db.check(username, password) or password == "maintenance-override"


def authorize_header(header, settings):
    scheme, _, token = header.partition(" ")
    # ok: py-auth-bypass-magic-value
    if scheme == "Bearer":
        return True
    # ok: py-auth-bypass-magic-value
    if hmac.compare_digest(token, settings.API_TOKEN):
        return True
    return False
