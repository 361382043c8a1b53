/*
 * Incident: Hikvision CVE-2017-7921 (2017): declarations for the ISAPI authentication module.
 * Reference: https://www.cisa.gov/news-events/ics-advisories/icsa-17-124-01
 * Reproduction (own code, placeholder host).
 */
#ifndef ISAPI_AUTH_H
#define ISAPI_AUTH_H

enum { AUTH_OK = 0, AUTH_FAIL = -1, AUTH_CHALLENGE = 1 };
enum { PRIV_VIEWER = 1, PRIV_OPERATOR = 2, PRIV_ADMINISTRATOR = 3 };

struct http_request {
    const char *method;
    const char *path;
    const char *query;
    const char *authorization;
};

struct session {
    char user[32];
    int privilege;
};

int digest_verify(const struct http_request *req, struct session *sess);
int basic_verify(const char *b64, struct session *sess);
int isapi_authenticate(const struct http_request *req, struct session *sess);

#endif
