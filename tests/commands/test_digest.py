"""`sentinel digest` from the command line: formats, files, errors, and email to a real
(local, in-test) SMTP server."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import socketserver
import threading
import uuid
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from sentinel.store import open_store
from tests.helpers import run_cli
from tests.reporting.digest import week
from tests.store.conftest import PG_DSN, drop_schema, pg_required, with_schema

Capsys = pytest.CaptureFixture[str]


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: EHLO, MAIL, RCPT, DATA, QUIT."""

    server: _Server

    def _reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self._reply("220 localhost test smtp")
        sender, recipients = "", []
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self._reply("250 localhost")
            elif verb == "MAIL":
                sender = command.split(":", 1)[1].strip()
                self._reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip())
                self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 end with <CRLF>.<CRLF>")
                data = bytearray()
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                self.server.received.append((sender, recipients, bytes(data)))
                self._reply("250 queued")
            elif verb == "QUIT":
                self._reply("221 bye")
                return
            else:
                self._reply("250 OK")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Smtp)
        self.received: list[tuple[str, list[str], bytes]] = []


@pytest.fixture
def smtp() -> Iterator[_Server]:
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    base = tmp_path_factory.mktemp("digest-cli")
    (base / "identities.yaml").write_text(week.IDENTITIES)
    (base / "sentinel.yaml").write_text(week.CONFIG + '  from_address: "sentinel@corp.example"\n')
    url = f"sqlite://{base / 'store.db'}"
    store = open_store(url)
    try:
        week.load(store, baseline_days=7)
    finally:
        store.close()
    return url, base / "sentinel.yaml", base / "identities.yaml"


def _digest(capsys: Capsys, setup: tuple[str, Path, Path], *args: str) -> tuple[int, str, str]:
    url, config, identities = setup
    return run_cli(
        ["digest", "--store", url, "--config", str(config), "--identities", str(identities), *args], capsys
    )


def test_json_to_stdout(capsys: Capsys, setup: tuple[str, Path, Path]) -> None:
    code, out, _ = _digest(capsys, setup, "--week", week.WEEK, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["period"]["label"] == week.WEEK
    assert [a["id"] for a in data["accounts"][:2]] == ["unknown:dev@unknown.example", "mallory"]


def test_every_format_to_a_file(capsys: Capsys, setup: tuple[str, Path, Path], tmp_path: Path) -> None:
    for fmt, marker in (
        ("html", "<!DOCTYPE html>"),
        ("md", "# sentinel weekly digest"),
        ("json", '"schema"'),
    ):
        target = tmp_path / f"digest.{fmt}"
        code, out, _ = _digest(capsys, setup, "--week", week.WEEK, "--format", fmt, "--output", str(target))
        assert code == 0 and out == ""
        assert marker in target.read_text(encoding="utf-8")


def test_since_covers_the_last_days(capsys: Capsys, setup: tuple[str, Path, Path]) -> None:
    # The week is in 2026-11; --since 7d from the real clock may find nothing, and must still work.
    code, out, _ = _digest(capsys, setup, "--since", "7d", "--format", "md")
    assert code == 0 and out.startswith("# sentinel weekly digest")


def test_email_with_the_full_report_attached(
    capsys: Capsys, setup: tuple[str, Path, Path], smtp: _Server
) -> None:
    port = smtp.server_address[1]
    code, out, err = _digest(
        capsys, setup, "--week", week.WEEK, "--email", "secops@corp.example",
        "--email", "ciso@corp.example", "--smtp", f"smtp://127.0.0.1:{port}",
    )  # fmt: skip
    assert code == 0, err
    assert out == ""  # emailed, not printed
    ((sender, recipients, data),) = smtp.received
    assert sender == "<sentinel@corp.example>"
    assert recipients == ["<secops@corp.example>", "<ciso@corp.example>"]
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg["Subject"] == f"sentinel weekly digest {week.WEEK}"
    body = msg.get_body(("html",))
    assert body is not None and "mallory" in body.get_content() and "<svg" not in body.get_content()
    plain = msg.get_body(("plain",))
    assert plain is not None and "Accounts ranked by risk" in plain.get_content()
    attachments = {part.get_filename(): part for part in msg.iter_attachments()}
    assert set(attachments) == {f"sentinel-digest-{week.WEEK}.html", f"sentinel-digest-{week.WEEK}.json"}
    report = attachments[f"sentinel-digest-{week.WEEK}.html"].get_content()
    assert "<svg" in report and "mallory" in report
    as_json = json.loads(attachments[f"sentinel-digest-{week.WEEK}.json"].get_content())
    assert as_json["accounts"][1]["id"] == "mallory"


def test_email_errors_are_clear(capsys: Capsys, setup: tuple[str, Path, Path]) -> None:
    code, _, err = _digest(capsys, setup, "--week", week.WEEK, "--email", "a@b.example")
    assert code == 2 and "--email needs --smtp" in err
    code, _, err = _digest(capsys, setup, "--email", "a@b.example", "--smtp", "smtp://u:secret@127.0.0.1:25")
    assert code == 2 and "SENTINEL_SMTP_PASSWORD" in err and "secret" not in err
    # Nothing listens on a port we just closed.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = _digest(
        capsys, setup, "--week", week.WEEK, "--email", "a@b.example", "--smtp", f"smtp://127.0.0.1:{port}"
    )
    assert code == 2 and "cannot send the digest" in err


def test_bad_week_and_unreachable_store(capsys: Capsys, setup: tuple[str, Path, Path]) -> None:
    code, _, err = _digest(capsys, setup, "--week", "2026-W60")
    assert code == 2 and "not an ISO week" in err
    config = setup[1]
    code, _, err = run_cli(
        ["digest", "--store", "postgresql://nobody@127.0.0.1:1/none", "--config", str(config)], capsys
    )
    assert code != 0 and err


def test_postgresql_store_from_the_command_line(capsys: Capsys, setup: tuple[str, Path, Path]) -> None:
    pg_required()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    url = with_schema(PG_DSN, schema)
    drop_schema(PG_DSN, schema)
    store = open_store(url)
    try:
        for context, batch in week.findings():
            store.add_findings(batch, context=context)
    finally:
        store.close()
    try:
        _, config, identities = setup
        code, out, err = run_cli(
            ["digest", "--store", url, "--week", week.WEEK, "--format", "json", "--config", str(config),
             "--identities", str(identities)], capsys,
        )  # fmt: skip
        assert code == 0, err
        assert [a["id"] for a in json.loads(out)["accounts"]][:2] == [
            "unknown:dev@unknown.example",
            "mallory",
        ]
    finally:
        drop_schema(PG_DSN, schema)
