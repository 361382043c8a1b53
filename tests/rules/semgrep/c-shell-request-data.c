/* Fixture for c-shell-request-data.
 * RULEID: a hidden GoAhead form handler running its "cmd" field with doSystem and popen; a CGI
 *   program passing part of QUERY_STRING to system; a cgic form field run with sh -c; an Apache
 *   header piped into popen.
 * OK: a fixed command after matching a form value; PAGER from the environment; a header logged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void formDebug(webs_t wp, char_t *path, char_t *query) {
    char_t *cmd = websGetVar(wp, T("cmd"), T(""));
    // ruleid: c-shell-request-data
    doSystem("%s > /tmp/debug.out 2>&1", cmd);
    // ruleid: c-shell-request-data
    FILE *p = popen(cmd, "r");
    pclose(p);
}

int main(void) {
    const char *qs = getenv("QUERY_STRING");
    if (qs && strncmp(qs, "ping=", 5) == 0) {
        // ruleid: c-shell-request-data
        system(qs + 5);
    }
    return 0;
}

int cgiMain(void) {
    char host[256];
    cgiFormString("host", host, sizeof host);
    // ruleid: c-shell-request-data
    execl("/bin/sh", "sh", "-c", host, (char *)0);
    return 0;
}

static int trace_handler(request_rec *r) {
    const char *t = apr_table_get(r->headers_in, "X-Trace-Cmd");
    // ruleid: c-shell-request-data
    FILE *f = popen(t, "r");
    return f ? OK : DECLINED;
}

static void formReboot(webs_t wp, char_t *path, char_t *query) {
    char_t *action = websGetVar(wp, T("action"), T(""));
    if (strcmp(action, "reboot") == 0) {
        // ok: c-shell-request-data
        system("/sbin/reboot");
    }
}

void show_help(void) {
    const char *pager = getenv("PAGER");
    // ok: c-shell-request-data
    FILE *p = popen(pager ? pager : "less", "w");
    pclose(p);
}

static int log_handler(request_rec *r) {
    const char *ua = apr_table_get(r->headers_in, "User-Agent");
    // ok: c-shell-request-data
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "ua=%s", ua);
    return OK;
}
