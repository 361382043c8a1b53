"""Send the digest by email: a short HTML body (plus plain text) with the full report attached.

`--smtp` takes `smtp://host[:port]` (plain, port 25), `smtp+starttls://host[:port]`
(587) or `smtps://host[:port]` (465). A user name may be given in the URL; the
password only through SENTINEL_SMTP_PASSWORD, never on the command line.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from sentinel.errors import SentinelError

log = logging.getLogger(__name__)

_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
PASSWORD_VARIABLE = "SENTINEL_SMTP_PASSWORD"


@dataclass(frozen=True, slots=True, kw_only=True)
class Server:
    scheme: str
    host: str
    port: int
    user: str = ""


def parse_url(url: str) -> Server:
    """
    Raises:
        SentinelError: not an SMTP URL, or one carrying a password.
    """
    parts = urlsplit(url)
    if parts.scheme not in _PORTS or not parts.hostname:
        raise SentinelError(f"--smtp: expected smtp://HOST[:PORT], smtp+starttls:// or smtps://, got {url!r}")
    if parts.password is not None:
        raise SentinelError(f"--smtp: put the password in {PASSWORD_VARIABLE}, not in the URL")
    try:
        port = parts.port or _PORTS[parts.scheme]
    except ValueError:
        raise SentinelError(f"--smtp: bad port in {url!r}") from None
    return Server(scheme=parts.scheme, host=parts.hostname, port=port, user=unquote(parts.username or ""))


def message(
    *,
    sender: str,
    to: Sequence[str],
    subject: str,
    text: str,
    html: str,
    attachments: Sequence[tuple[str, str, bytes]],  # (filename, mime type, content)
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    for filename, mime, content in attachments:
        maintype, subtype = mime.split("/", 1)
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return msg


def send(
    msg: EmailMessage, *, smtp_url: str, timeout: float = 30.0, environ: Mapping[str, str] = os.environ
) -> None:
    """
    Raises:
        SentinelError: the server could not be reached or refused the message.
    """
    server = parse_url(smtp_url)
    password = environ.get(PASSWORD_VARIABLE, "")
    where = f"{server.scheme}://{server.host}:{server.port}"
    try:
        client: smtplib.SMTP
        if server.scheme == "smtps":
            client = smtplib.SMTP_SSL(
                server.host, server.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=timeout)
        with client:
            if server.scheme == "smtp+starttls":
                client.starttls(context=ssl.create_default_context())
            if server.user:
                client.login(server.user, password)
            refused = client.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise SentinelError(f"cannot send the digest through {where}: {exc}") from None
    if refused:
        log.warning("the digest was refused for: %s", ", ".join(sorted(refused)))
    log.info("digest sent to %s through %s", msg["To"], where)
