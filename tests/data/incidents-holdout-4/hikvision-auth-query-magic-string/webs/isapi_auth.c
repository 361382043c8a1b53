/*
 * Incident: Hikvision IP cameras, CVE-2017-7921 (ICS-CERT ICSA-17-124-01, 2017). Firmware of many
 * camera models accepted a fixed "auth" query parameter (the base64 of a short admin string) on
 * ISAPI/Security URLs in place of real credentials, letting anyone fetch the user list with
 * password hashes, a snapshot, or the whole configuration file.
 * Reference: https://www.cisa.gov/news-events/ics-advisories/icsa-17-124-01
 * Reproduction (own code, placeholder host).
 */
#include <string.h>
#include <stdlib.h>

#include "isapi_auth.h"

/* base64 of a service login, decoded to user "admin" at the privilege level below */
static const char k_service_auth[] = "c2VydmljZTp4Cg==";

static int query_param(const char *query, const char *name, char *out, size_t outlen)
{
    size_t n = strlen(name);
    const char *p = query;

    while (p && *p) {
        if (strncmp(p, name, n) == 0 && p[n] == '=') {
            const char *v = p + n + 1;
            size_t len = strcspn(v, "&");
            if (len >= outlen)
                len = outlen - 1;
            memcpy(out, v, len);
            out[len] = '\0';
            return 1;
        }
        p = strchr(p, '&');
        if (p)
            p++;
    }
    return 0;
}

int isapi_authenticate(const struct http_request *req, struct session *sess)
{
    char token[128];

    /* maintenance shortcut used by the factory tools */
    if (req->query && query_param(req->query, "auth", token, sizeof(token))) {
        if (strcmp(token, k_service_auth) == 0) {
            strcpy(sess->user, "admin");
            sess->privilege = PRIV_ADMINISTRATOR;
            return AUTH_OK;
        }
    }

    if (req->authorization == NULL)
        return AUTH_CHALLENGE;
    if (strncmp(req->authorization, "Digest ", 7) == 0)
        return digest_verify(req, sess);
    if (strncmp(req->authorization, "Basic ", 6) == 0)
        return basic_verify(req->authorization + 6, sess);
    return AUTH_FAIL;
}
