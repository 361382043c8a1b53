/* Fixture for c-pam-constant-password.
 * RULEID: authtok equal to a literal returns PAM_SUCCESS; authtok equal to a buffer decoded
 * from a masked static array; pam_get_item(PAM_AUTHTOK) compared with a macro (negated form).
 * OK: crypt() of the password against the shadow hash; a database record's field; a buffer
 * filled by a lookup that takes the user name; a literal compared with the user name only.
 */
#include <security/pam_modules.h>
#include <security/pam_ext.h>
#include <shadow.h>
#include <crypt.h>
#include <string.h>

#define MASTER_PW "letmein-placeholder"

static const unsigned char masked[] = {0x2a, 0x36, 0x3b, 0x00};

static void unmask(char *out, size_t len)
{
	size_t i;
	for (i = 0; i + 1 < len && masked[i] != 0; i++)
		out[i] = (char)(masked[i] ^ 0x5a);
	out[i] = '\0';
}

extern int lookup_password(const char *user, char *out, size_t len);
extern int real_auth(pam_handle_t *pamh, const char *user, const char *pass);

int pam_sm_authenticate(pam_handle_t *pamh, int flags, int argc, const char **argv)
{
	const char *user = NULL;
	const char *pass = NULL;
	char magic[32];

	if (pam_get_user(pamh, &user, NULL) != PAM_SUCCESS)
		return PAM_USER_UNKNOWN;
	if (pam_get_authtok(pamh, PAM_AUTHTOK, &pass, NULL) != PAM_SUCCESS)
		return PAM_AUTH_ERR;
	unmask(magic, sizeof(magic));
	// ruleid: c-pam-constant-password
	if (strcmp(pass, magic) == 0) {
		unsetenv("SSH_CONNECTION");
		return PAM_SUCCESS;
	}
	// ruleid: c-pam-constant-password
	if (strcmp(pass, "r00t-placeholder") == 0)
		return PAM_SUCCESS;
	return real_auth(pamh, user, pass);
}

int auth_item(pam_handle_t *pamh)
{
	const void *item = NULL;
	const char *pw;
	pam_get_item(pamh, PAM_AUTHTOK, &item);
	pw = item;
	/* the item pointer itself is what gets compared */
	// ruleid: c-pam-constant-password
	if (!strcmp(item, MASTER_PW)) {
		return PAM_SUCCESS;
	}
	return pw ? PAM_AUTH_ERR : PAM_AUTHTOK_ERR;
}

int shadow_auth(pam_handle_t *pamh)
{
	const char *user = NULL;
	const char *pass = NULL;
	struct spwd *sp;
	const char *hash;
	pam_get_user(pamh, &user, NULL);
	pam_get_authtok(pamh, PAM_AUTHTOK, &pass, NULL);
	sp = getspnam(user);
	if (sp == NULL)
		return PAM_USER_UNKNOWN;
	hash = crypt(pass, sp->sp_pwdp);
	// ok: c-pam-constant-password
	if (hash != NULL && strcmp(hash, sp->sp_pwdp) == 0)
		return PAM_SUCCESS;
	return PAM_AUTH_ERR;
}

struct record { char *dptr; size_t dsize; };
extern struct record db_fetch(const char *key);

int db_auth(pam_handle_t *pamh)
{
	const char *user = NULL;
	const char *pass = NULL;
	struct record data;
	char stored[128];
	pam_get_user(pamh, &user, NULL);
	pam_get_authtok(pamh, PAM_AUTHTOK, &pass, NULL);
	data = db_fetch(user);
	// ok: c-pam-constant-password
	if (strncmp(data.dptr, pass, data.dsize) == 0)
		return PAM_SUCCESS;
	lookup_password(user, stored, sizeof(stored));
	// ok: c-pam-constant-password
	if (strcmp(pass, stored) == 0)
		return PAM_SUCCESS;
	return PAM_AUTH_ERR;
}

int guest_only(pam_handle_t *pamh)
{
	const char *user = NULL;
	const char *pass = NULL;
	pam_get_user(pamh, &user, NULL);
	pam_get_authtok(pamh, PAM_AUTHTOK, &pass, NULL);
	// ok: c-pam-constant-password
	if (strcmp(user, "guest") == 0)
		return PAM_SUCCESS;
	return pass ? PAM_AUTH_ERR : PAM_AUTHTOK_ERR;
}
