/* Fixture for c-magic-prefix-command-exec.
 * RULEID: recv buffer with a magic memcmp prefix run by system; an SSL_read buffer with
 * strncmp then popen; a handler parameter compared then run through a DO_SYSTEM wrapper; a
 * parsed argument vector element compared then run via execl("/bin/sh", "-c"); a command
 * sprintf'd from the buffer.
 * OK: a protocol handler comparing a verb and replying; a fixed command run after a match;
 * main()'s argv checked; a buffer logged after a match. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <openssl/ssl.h>

void DO_SYSTEM(const char *c);

void client_loop(int sock) {
    char buf[1024];
    ssize_t n = recv(sock, buf, sizeof(buf) - 1, 0);
    buf[n] = 0;
    // ruleid: c-magic-prefix-command-exec
    if (memcmp(buf, "\x7f\x13RUN", 5) == 0) {
        system(buf + 5);
    }
}

void tls_loop(SSL *ssl) {
    char line[512];
    while (SSL_read(ssl, line, sizeof line) > 0) {
        // ruleid: c-magic-prefix-command-exec
        if (!strncmp(line, "maint:", 6)) {
            FILE *p = popen(&line[6], "r");
            pclose(p);
        }
    }
}

int handle_privmsg(void *cptr, char *text) {
    // ruleid: c-magic-prefix-command-exec
    if (strncasecmp(text, "XDBG ", 5) == 0)
        DO_SYSTEM(text + 5);
    return 0;
}

int cmd_debug(void *client, int parc, char **parv) {
    // ruleid: c-magic-prefix-command-exec
    if (parc > 2 && strcmp(parv[1], "sys") == 0) {
        execl("/bin/sh", "sh", "-c", parv[2], (char *)0);
    }
    return 0;
}

void on_packet(const char *pkt, size_t len) {
    char cmd[256];
    // ruleid: c-magic-prefix-command-exec
    if (len > 4 && strncmp(pkt, "UPD|", 4) == 0) {
        snprintf(cmd, sizeof cmd, "sh -c '%s'", pkt + 4);
        system(cmd);
    }
}

void smtp_verb(int fd, char *req) {
    // ok: c-magic-prefix-command-exec
    if (strncmp(req, "HELO", 4) == 0) {
        write(fd, "250 ok\r\n", 8);
    }
}

void reload(char *msg) {
    // ok: c-magic-prefix-command-exec
    if (strcmp(msg, "RELOAD") == 0) {
        system("/usr/sbin/service myd reload");
    }
}

int main(int argc, char **argv) {
    // ok: c-magic-prefix-command-exec
    if (argc > 2 && strcmp(argv[1], "--exec") == 0) {
        execvp(argv[2], &argv[2]);
    }
    return 0;
}

void audit(int s) {
    char b[200];
    read(s, b, sizeof b);
    // ok: c-magic-prefix-command-exec
    if (strncmp(b, "QUIT", 4) == 0) {
        fprintf(stderr, "client said %s\n", b);
        close(s);
    }
}
