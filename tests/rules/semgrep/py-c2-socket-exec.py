# Fixture for py-c2-socket-exec.
# RULEID: recv into subprocess shell, recv into os.system in a loop, recvfrom into exec, websocket
#   receive into eval, accepted connection's makefile lines into os.popen, socketio handler into
#   subprocess.
# OK: recv echoed back, recv length, a fixed command run when a message arrives, a recv parsed with
#   int, an allow-list lookup.
import os
import socket
import subprocess

import socketio


def beacon(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    while True:
        data = s.recv(4096).decode().strip()
        # ruleid: py-c2-socket-exec
        out = subprocess.run(data, shell=True, capture_output=True)
        s.send(out.stdout)


def poll(conn):
    while True:
        order = conn.recv(1024)
        if not order:
            break
        # ruleid: py-c2-socket-exec
        os.system(order.decode("utf-8"))


def udp_listener():
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("0.0.0.0", 5353))
    payload, addr = u.recvfrom(65535)
    # ruleid: py-c2-socket-exec
    exec(payload)


async def ws_loop(websocket):
    async for _ in range(10):
        expr = await websocket.recv()
        # ruleid: py-c2-socket-exec
        result = eval(expr)
        await websocket.send(str(result))


def bind_listener():
    srv = socket.socket()
    srv.bind(("", 31337))
    srv.listen(1)
    c, a = srv.accept()
    f = c.makefile("r")
    for line in f:
        # ruleid: py-c2-socket-exec
        c.sendall(os.popen(line).read().encode())


sio = socketio.Client()


@sio.on("job")
def on_job(cmdline):
    # ruleid: py-c2-socket-exec
    subprocess.check_output(cmdline, shell=True)


def echo(conn):
    msg = conn.recv(1024)
    # ok: py-c2-socket-exec
    conn.sendall(msg)


def count(conn):
    n = conn.recv(1024)
    # ok: py-c2-socket-exec
    os.system("logger got %d bytes" % len(n))


def on_ping(conn):
    conn.recv(16)
    # ok: py-c2-socket-exec
    subprocess.run(["git", "pull", "--ff-only"], check=True)


def level(conn):
    lvl = int(conn.recv(8))
    # ok: py-c2-socket-exec
    os.system("renice %d %d" % (lvl, os.getpid()))


COMMANDS = {"status": ["git", "status"]}


def dispatch(conn):
    name = conn.recv(32).decode()
    # ok: py-c2-socket-exec
    subprocess.run(lookup_allowed(COMMANDS, name))
