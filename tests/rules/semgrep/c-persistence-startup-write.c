/* Fixture for c-persistence-startup-write.
 * RULEID: a key appended to authorized_keys through an snprintf'd path; /etc/ld.so.preload
 *   opened for append; a cron.d file created with open(O_CREAT|O_WRONLY); a .bashrc path built
 *   with strcpy/strcat; a systemd unit via creat; a git hook symlinked.
 * OK: reading authorized_keys and /etc/crontab; writing the program's own config; a log
 *   message that names ld.so.preload. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ op@c2\n";

void plant_key(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/.ssh/authorized_keys", getenv("HOME"));
    // ruleid: c-persistence-startup-write
    FILE *f = fopen(path, "a");
    fputs(KEY, f);
    fclose(f);
}

void preload(const char *lib) {
    // ruleid: c-persistence-startup-write
    FILE *p = fopen("/etc/ld.so.preload", "a+");
    fprintf(p, "%s\n", lib);
}

void cron(void) {
    // ruleid: c-persistence-startup-write
    int fd = open("/etc/cron.d/sysupd", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, "* * * * * root /dev/shm/.u\n", 27);
}

void rc(const char *home) {
    char buf[1024];
    strcpy(buf, home);
    strcat(buf, "/.bashrc");
    // ruleid: c-persistence-startup-write
    int fd = open(buf, O_WRONLY | O_APPEND);
    dprintf(fd, "(/tmp/.x &)\n");
}

void unit(void) {
    // ruleid: c-persistence-startup-write
    int fd = creat("/etc/systemd/system/netmon.service", 0644);
    close(fd);
}

void hook(const char *repo, const char *payload) {
    char dst[512];
    snprintf(dst, sizeof dst, "%s/.git/hooks/post-checkout", repo);
    // ruleid: c-persistence-startup-write
    symlink(payload, dst);
}

int count_keys(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/.ssh/authorized_keys", getenv("HOME"));
    // ok: c-persistence-startup-write
    FILE *f = fopen(path, "r");
    // ok: c-persistence-startup-write
    int fd = open("/etc/crontab", O_RDONLY);
    return f != NULL && fd >= 0;
}

void save_config(const char *home) {
    char path[512];
    snprintf(path, sizeof path, "%s/.config/mytool/settings.ini", home);
    // ok: c-persistence-startup-write
    FILE *f = fopen(path, "w");
    // ok: c-persistence-startup-write
    fprintf(stderr, "refusing to touch /etc/ld.so.preload\n");
    fclose(f);
}
