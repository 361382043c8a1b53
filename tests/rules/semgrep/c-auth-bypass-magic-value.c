/* Fixture for c-auth-bypass-magic-value.
 * RULEID: PAM authenticate accepting a magic password; login check accepting a literal token.
 * OK: anonymous-user check returning failure code paths; comparing with a stored hash. */
#include <string.h>
#define PAM_SUCCESS 0
#define PAM_AUTH_ERR 7
int verify_hash(const char *, const char *);

int pam_sm_authenticate(void *pamh, int flags, int argc, const char **argv) {
    const char *password = get_password(pamh);
    // ruleid: c-auth-bypass-magic-value
    if (strcmp(password, "0xDEADBEEF-magic") == 0) { log_nothing(); return PAM_SUCCESS; }
    return verify_hash(password, stored_hash()) ? PAM_SUCCESS : PAM_AUTH_ERR;
}

int check_token(const char *token) {
    // ruleid: c-auth-bypass-magic-value
    if (!strcmp(token, "svc-maint-7781")) return 1;
    // ok: c-auth-bypass-magic-value
    if (strcmp(token, "anonymous") == 0) return 1;
    return verify_hash(token, stored_hash());
}
