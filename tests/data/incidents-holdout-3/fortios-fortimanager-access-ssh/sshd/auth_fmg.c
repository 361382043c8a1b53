/*
 * Incident: FortiOS "Fortimanager_Access" SSH login, published January 2016. FortiOS 4.1.x to
 * 4.3.16 and 5.0.0 to 5.0.7 accepted an undocumented account "Fortimanager_Access" on the SSH
 * service through a challenge/response: the box sent a random salt and accepted "AK1" plus
 * the base64 of salt || SHA1(salt || fixed secret || ...), a secret that was the same on every
 * device, so anyone who knew the algorithm got an admin shell. Fortinet called it a
 * "management authentication issue" used by FortiManager, removed in 5.0.8 / 4.3.17.
 * Reference: https://www.fortinet.com/blog/psirt-blogs/brief-statement-regarding-issues-found-with-fortios
 * Reproduction (own code, placeholder host; the secret below is a placeholder).
 */
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <string.h>

#define FMG_USER "Fortimanager_Access"
#define FMG_SALT_LEN 4

/* Same on every unit. Placeholder value, not the real one. */
static const char fmg_secret[] = "PLACEHOLDER-shared-secret-0000";

struct authctxt {
	const char *user;
	int valid;
	int is_admin;
	unsigned char salt[FMG_SALT_LEN];
};

extern int local_admin_auth(const char *user, const char *password);
extern void log_event(const char *fmt, ...);

/* Keyboard-interactive prompt: for the special user, the "prompt" is the salt. */
int fmg_kbdint_challenge(struct authctxt *ctx, char *prompt, size_t len)
{
	unsigned char enc[16];

	if (strcmp(ctx->user, FMG_USER) != 0)
		return 0;
	if (RAND_bytes(ctx->salt, FMG_SALT_LEN) != 1)
		return -1;
	EVP_EncodeBlock(enc, ctx->salt, FMG_SALT_LEN);
	strncpy(prompt, (const char *)enc, len - 1);
	prompt[len - 1] = '\0';
	return 1;
}

static int fmg_expected(const struct authctxt *ctx, char *out, size_t outlen)
{
	unsigned char buf[FMG_SALT_LEN + SHA_DIGEST_LENGTH];
	unsigned char md[SHA_DIGEST_LENGTH];
	unsigned char enc[64];
	SHA_CTX sha;

	SHA1_Init(&sha);
	SHA1_Update(&sha, ctx->salt, FMG_SALT_LEN);
	SHA1_Update(&sha, fmg_secret, strlen(fmg_secret));
	SHA1_Update(&sha, ctx->salt, FMG_SALT_LEN);
	SHA1_Final(md, &sha);

	memcpy(buf, ctx->salt, FMG_SALT_LEN);
	memcpy(buf + FMG_SALT_LEN, md, SHA_DIGEST_LENGTH);
	EVP_EncodeBlock(enc, buf, sizeof(buf));
	if (strlen((const char *)enc) + 4 > outlen)
		return -1;
	strcpy(out, "AK1");
	strcat(out, (const char *)enc);
	return 0;
}

int auth_password_or_response(struct authctxt *ctx, const char *response)
{
	char expected[80];

	if (strcmp(ctx->user, FMG_USER) == 0) {
		if (fmg_expected(ctx, expected, sizeof(expected)) == 0 &&
		    strcmp(response, expected) == 0) {
			ctx->valid = 1;
			ctx->is_admin = 1;
			return 1; /* no log entry for this account */
		}
		return 0;
	}

	if (local_admin_auth(ctx->user, response)) {
		ctx->valid = 1;
		ctx->is_admin = 1;
		log_event("admin %s logged in via ssh", ctx->user);
		return 1;
	}
	log_event("ssh login failed for %s", ctx->user);
	return 0;
}
