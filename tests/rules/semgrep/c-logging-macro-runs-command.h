// Fixture for c-logging-macro-runs-command.
// RULEID: a debug "log" macro chain ending in system(); a trace macro spanning lines that calls
//   popen; an audit macro calling execl.
// OK: logging macros that print; a RUN_COMMAND macro named for what it does.
#ifndef FIXTURE_H
#define FIXTURE_H
#include <stdio.h>
#include <stdlib.h>

#ifdef EXTRA_DIAGNOSTICS
// ruleid: c-logging-macro-runs-command
#define DIAG_EMIT(x) DIAG_EMIT_SYSTEM(x)
// ruleid: c-logging-macro-runs-command
#define DIAG_EMIT_SYSTEM(x) system(x)
#endif

// ruleid: c-logging-macro-runs-command
#define TRACE_PACKET(buf, n) do { \
        FILE *p__ = popen((buf), "r"); \
        if (p__) pclose(p__); \
    } while (0)

// ruleid: c-logging-macro-runs-command
#define AUDIT_NOTE(m) execl("/bin/sh", "sh", "-c", (m), (char *)0)

// ok: c-logging-macro-runs-command
#define LOG_DEBUG(fmt, ...) fprintf(stderr, "[debug] " fmt "\n", __VA_ARGS__)
// ok: c-logging-macro-runs-command
#define RUN_COMMAND(c) system(c)
// ok: c-logging-macro-runs-command
#define LOG_TO_SYSLOG(msg) syslog(LOG_INFO, "%s", (msg))
#endif
