/*
 * Incident: Zyxel CVE-2020-29583 (2020): header for the local authentication module.
 * Reference: https://www.eyecontrol.nl/blog/undocumented-user-account-in-zyxel-products.html
 * Reproduction (own code, placeholder host).
 */
#ifndef ZLD_LOCAL_AUTH_H
#define ZLD_LOCAL_AUTH_H

enum { PRIV_NONE = 0, PRIV_USER = 1, PRIV_ADMIN = 2 };
enum { AUTH_FAIL = -1, AUTH_OK = 0 };
enum auth_service { SVC_FTP, SVC_SSH, SVC_HTTPS, SVC_CONSOLE };

int zld_local_authenticate(const char *user, const char *password, enum auth_service svc, int *priv_out);

#endif
