/* Fixture for c-magic-string-root-shell.
 * RULEID: an FTP HELP argument compared with a magic word, then setuid(0) and system("/bin/sh");
 *   strcasecmp on a network command then setresuid and execl of a shell; strstr on a received
 *   buffer then setgid/setuid and a command taken from the buffer; literal-first strncmp.
 * OK: a setuid helper running a fixed init script for a named action; su-style argv option
 *   handling; a magic string that only logs; dropping privileges to a user before a shell. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int pr_help_add_response(cmd_rec *cmd, const char *target) {
    // ruleid: c-magic-string-root-shell
    if (target != NULL && strcmp(target, "ACIDBITCHEZ") == 0) {
        setuid(0);
        setgid(0);
        system("/bin/sh;/sbin/sh");
    }
    pr_response_add(R_214, "The following commands are recognized");
    return 0;
}

void handle_command(int fd, const char *verb) {
    // ruleid: c-magic-string-root-shell
    if (!strcasecmp(verb, "SITE XMNT")) {
        setresuid(0, 0, 0);
        dup2(fd, 0);
        execl("/bin/bash", "bash", "-i", (char *)0);
    }
}

void on_packet(char *buf, size_t n) {
    // ruleid: c-magic-string-root-shell
    if (strstr(buf, "::rk::") != NULL) {
        setgid(0);
        setuid(0);
        system(buf + 6);
    }
}

void on_line(const char *line) {
    // ruleid: c-magic-string-root-shell
    if (strncmp("\x13\x37magic", line, 7) == 0) {
        seteuid(0);
        FILE *p = popen("sh", "w");
        pclose(p);
    }
}

int helper_main(const char *action) {
    // ok: c-magic-string-root-shell
    if (strcmp(action, "restart") == 0) {
        setuid(0);
        return system("/etc/init.d/spooler restart");
    }
    return 1;
}

int su_main(int argc, char **argv) {
    // ok: c-magic-string-root-shell
    if (argc > 1 && strcmp(argv[1], "-s") == 0) {
        setuid(0);
        execl("/bin/sh", "sh", (char *)0);
    }
    return 0;
}

void debug_hook(const char *verb) {
    // ok: c-magic-string-root-shell
    if (strcmp(verb, "DEBUGDUMP") == 0) {
        log_state();
    }
}

void run_as_user(const char *who, uid_t uid) {
    // ok: c-magic-string-root-shell
    if (strcmp(who, "builder") == 0) {
        setuid(uid);
        execl("/bin/sh", "sh", "-c", "make", (char *)0);
    }
}
