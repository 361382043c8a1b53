/*
 * Incident: fake CVE-2023-35829 PoC (Uptycs, July 2023): the decoy exploit source the Makefile
 * builds next to the backdoor. It does nothing harmful.
 * Reference: https://thecyberwire.com/newsletters/week-that-was/7/27 (Uptycs findings)
 * Reproduction (own code, placeholder host).
 */
#include <stdio.h>
#include <unistd.h>

int setup_netlink(void);

int main(void)
{
    printf("[*] CVE-2023-35829 local privilege escalation\n");
    if (setup_netlink() < 0) {
        printf("[-] netlink setup failed\n");
        return 1;
    }
    printf("[*] spraying objects...\n");
    sleep(2);
    printf("[-] exploit failed, kernel may be patched\n");
    return 1;
}
