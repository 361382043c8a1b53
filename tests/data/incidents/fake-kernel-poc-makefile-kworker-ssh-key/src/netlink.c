/*
 * Incident: fake CVE-2023-35829 PoC (Uptycs, July 2023): decoy helper.
 * Reference: https://thecyberwire.com/newsletters/week-that-was/7/27 (Uptycs findings)
 * Reproduction (own code, placeholder host).
 */
#include <sys/socket.h>
#include <linux/netlink.h>
#include <unistd.h>

int setup_netlink(void)
{
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}
