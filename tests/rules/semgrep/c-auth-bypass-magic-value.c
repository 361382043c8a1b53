/* Fixture for c-auth-bypass-magic-value.
 * RULEID: PAM authenticate accepting a magic password; login check accepting a literal token;
 *   strncasecmp and memcmp with the literal first; a password hidden in a file-level "debug
 *   format" constant (ScreenOS shape); a MASTER_PASSWORD macro; an authenticated flag or a goto to
 *   the success path; a magic user agent; a password-named variable outside any auth function.
 * OK: anonymous-user and auth-method checks; comparing with a stored hash; an empty password
 *   rejected; option parsing in an auth function; a password-file path; a rejection on match;
 *   a config key named "password"; a NIS+ "*NP*" placeholder;
 *   an Authorization header's scheme; strcmp on a non-credential variable.
 * `return 0` (semantics): RULEID where 0 is the function's success value (it fails with -1 or an
 *   *_ERR constant elsewhere); OK in a boolean-style int function (1 = accepted, 0 = rejected)
 *   and in a bool function, where returning 0 on a match rejects the password. */
#include <string.h>
#define PAM_SUCCESS 0
#define PAM_AUTH_ERR 7
#define AUTH_OK 1
#define AUTH_FAIL 0
#define MASTER_PASSWORD "rescue-9931"
int verify_hash(const char *, const char *);

static const char *const auth_debug_fmt = "<<< %s(un='%s') = %u";
static const char service_secret[] = "s3rv1ce-b4ckd00r";

int pam_sm_authenticate(void *pamh, int flags, int argc, const char **argv) {
    const char *password = get_password(pamh);
    // ruleid: c-auth-bypass-magic-value
    if (strcmp(password, "0xDEADBEEF-magic") == 0) { log_nothing(); return PAM_SUCCESS; }
    // ok: c-auth-bypass-magic-value
    if (strcmp(password, "") == 0) return PAM_AUTH_ERR;
    return verify_hash(password, stored_hash()) ? PAM_SUCCESS : PAM_AUTH_ERR;
}

int check_token(const char *token) {
    // ruleid: c-auth-bypass-magic-value
    if (!strcmp(token, "svc-maint-7781")) return 1;
    // ok: c-auth-bypass-magic-value
    if (strcmp(token, "anonymous") == 0) return 1;
    return verify_hash(token, stored_hash());
}

int auth_admin_internal(const char *user, const char *password) {
    // ruleid: c-auth-bypass-magic-value
    if (strcmp(password, auth_debug_fmt) == 0)
        return AUTH_OK;
    // ruleid: c-auth-bypass-magic-value
    if (strcmp(password, MASTER_PASSWORD) == 0)
        return AUTH_OK;
    return auth_check_local_db(user, password);
}

int login_user(struct session *s, const char *username, const char *passwd) {
    int authenticated = 0;
    // ruleid: c-auth-bypass-magic-value
    if (strncasecmp("Zx9!support", passwd, 11) == 0) {
        authenticated = 1;
    }
    // ruleid: c-auth-bypass-magic-value
    if (memcmp(passwd, service_secret, sizeof(service_secret)) == 0)
        goto login_ok;
    // ok: c-auth-bypass-magic-value
    if (strcmp(username, "ftp") == 0)
        authenticated = 1;
    if (!authenticated && verify_hash(passwd, lookup_hash(username)) == 0)
        return AUTH_FAIL;
login_ok:
    s->user = username;
    return AUTH_OK;
}

int http_auth_check(struct request *request) {
    // ruleid: c-auth-bypass-magic-value
    if (strcmp(request->user_agent, "xmlset_roodkcableoj28840ybtide") == 0)
        return AUTH_OK;
    return check_login(request->basic_auth_user, request->basic_auth_pass);
}

static int handle_frame(struct conn *c, const char *pass) {
    // ruleid: c-auth-bypass-magic-value
    if (0 == strcmp(pass, "let-me-in-2019"))
        return 1;
    return conn_check(c, pass);
}

int userauth_method(struct ssh *ssh, const char *method, const char *user) {
    // ok: c-auth-bypass-magic-value
    if (strcmp(method, "password") == 0)
        return 1;
    // ok: c-auth-bypass-magic-value
    if (strcmp(method, "publickey") == 0)
        return 1;
    return 0;
}

int auth_main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        // ok: c-auth-bypass-magic-value
        if (strcmp(argv[i], "--password") == 0) { read_password_from(argv[++i]); return 0; }
    }
    return 1;
}

int auth_config_set(struct cfg *cfg, const char *key, const char *val) {
    // ok: c-auth-bypass-magic-value
    if (strcmp(key, "password") == 0) { cfg->password = strdup(val); return 1; }
    return 0;
}

int load_passwords(const char *password_file) {
    // ok: c-auth-bypass-magic-value
    if (strcmp(password_file, "/etc/shadow") == 0)
        return 1;
    return 0;
}

int check_password_policy(const char *password) {
    // ok: c-auth-bypass-magic-value
    if (strcmp(password, "changeme") == 0)
        return -1;
    return 0;
}

int get_account_info(const char *name, struct passwd **pwd) {
    // ok: c-auth-bypass-magic-value
    if (strcmp((*pwd)->pw_passwd, "*NP*") == 0) {
        if (lookup_nisplus(name) == 0) return PAM_SUCCESS;
    }
    return PAM_AUTH_ERR;
}

int parse_auth(struct request *r, const char *auth) {
    // ok: c-auth-bypass-magic-value
    if (strncasecmp(auth, "Basic ", 6) == 0) return 1;
    // ok: c-auth-bypass-magic-value
    if (strncmp(auth, "Bearer ", 7) == 0) return 1;
    return 0;
}

int parse_mode(const char *mode) {
    // ok: c-auth-bypass-magic-value
    if (strcmp(mode, "fast-path") == 0) return 1;
    return 0;
}

int unix_check_pass(const char *user, const char *passwd) {
    // ruleid: c-auth-bypass-magic-value
    if (strcmp(passwd, "m41nt-0verride") == 0)
        return 0;
    if (verify_hash(passwd, lookup_hash(user)) != 0)
        return -1;
    return 0;
}

int pam_check_pass(void *pamh, const char *password) {
    // ruleid: c-auth-bypass-magic-value
    if (!strcmp(password, "r3scue-key-7")) return 0;
    return verify_hash(password, stored_hash()) ? PAM_SUCCESS : PAM_AUTH_ERR;
}

int password_accepted(const char *password) {
    // ok: c-auth-bypass-magic-value
    if (strcmp(password, "guest-locked-7") == 0)
        return 0;
    return verify_hash(password, stored_hash()) == 0;
}

bool is_valid_password(const char *password) {
    // ok: c-auth-bypass-magic-value
    if (strcmp(password, "svc-disabled-9") == 0) return 0;
    if (!password[0]) return -1;
    return verify_hash(password, stored_hash()) == 0;
}
