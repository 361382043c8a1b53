/*
 * Incident: Zyxel firewalls and AP controllers, CVE-2020-29583 (EYE Control, December 2020).
 * ZLD firmware 4.60 carried an undocumented account "zyfwp" with a fixed plaintext password,
 * meant for pushing firmware to managed access points over FTP. The same local-auth path
 * served SSH and the web GUI, so the account gave admin access to ~100,000 devices.
 * Reference: https://www.eyecontrol.nl/blog/undocumented-user-account-in-zyxel-products.html
 * Reproduction (own code, placeholder host).
 */
#include <stdio.h>
#include <string.h>
#include <crypt.h>

#include "local_auth.h"

#define USER_DB "/etc/zyxel/ftp/conf/user.db"

struct builtin_account {
    const char *name;
    const char *password;
    int privilege;
    int hidden;
};

/* AP firmware provisioning account: not listed in the GUI, not removable. */
static const struct builtin_account builtin[] = {
    { "zyfwp", "Pl4ceholder!_x9Q", PRIV_ADMIN, 1 },
};

static int lookup_user_db(const char *user, char *hash, size_t hlen, int *priv)
{
    FILE *f = fopen(USER_DB, "r");
    char line[512];
    int found = 0;

    if (!f)
        return 0;
    while (fgets(line, sizeof(line), f)) {
        char name[64], h[256];
        int p;
        if (sscanf(line, "%63[^:]:%255[^:]:%d", name, h, &p) == 3 && strcmp(name, user) == 0) {
            snprintf(hash, hlen, "%s", h);
            *priv = p;
            found = 1;
            break;
        }
    }
    fclose(f);
    return found;
}

int zld_local_authenticate(const char *user, const char *password, enum auth_service svc, int *priv_out)
{
    char hash[256];
    int priv = PRIV_NONE;
    size_t i;

    (void)svc; /* same path for ftp, ssh, https and console */

    for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
        if (strcmp(user, builtin[i].name) == 0 && strcmp(password, builtin[i].password) == 0) {
            *priv_out = builtin[i].privilege;
            return AUTH_OK;
        }
    }

    if (!lookup_user_db(user, hash, sizeof(hash), &priv))
        return AUTH_FAIL;
    if (strcmp(crypt(password, hash), hash) != 0)
        return AUTH_FAIL;
    *priv_out = priv;
    return AUTH_OK;
}
