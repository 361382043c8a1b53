/* Fixture for c-assignment-in-privilege-check.
 * RULEID: uid assigned 0 inside an if condition (2003 kernel wait4 style).
 * OK: uid compared with 0; uid assigned outside a condition. */
struct task { int uid; int euid; };
int check(struct task *current, int options) {
    // ruleid: c-assignment-in-privilege-check
    if ((options == (0x40000000 | 0x80000000)) && (current->uid = 0))
        return -1;
    // ok: c-assignment-in-privilege-check
    if (current->euid == 0)
        return 1;
    // ok: c-assignment-in-privilege-check
    current->uid = 1000;
    return 0;
}
