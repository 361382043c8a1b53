/* RULEID: a hidden provisioning account, a support login with a flag, a service account
 * OK: a table of permission names, an option table, an error-message table */
#include <string.h>

struct account { const char *name; const char *password; int privilege; int hidden; };
struct perm { const char *name; const char *description; int bit; };

static const struct account builtin[] = {
    // ruleid: c-builtin-account-table
    { "fwupd", "Pl4ceholder!_x9Q", 3, 1 },
    // ruleid: c-builtin-account-table
    { "support", "s3rv1ce-2019", 2, 1 },
    // ruleid: c-builtin-account-table
    {"ftpsvc","k9#mQ2zz",1,0},
};

static const struct perm perms[] = {
    // ok: c-builtin-account-table
    { "read", "Read configuration", 1 },
    // ok: c-builtin-account-table
    { "admin", "%s", 4 },
    // ok: c-builtin-account-table
    { "write", "", 2 },
};

int check(const char *user, const char *pw)
{
    size_t i;
    for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
        if (strcmp(user, builtin[i].name) == 0 && strcmp(pw, builtin[i].password) == 0)
            return builtin[i].privilege;
    return -1;
}
