// Incident: North Korean campaign against security researchers (Google TAG, January 2021): the
// shared Visual Studio PoC project; this file is the harmless-looking exploit driver, the
// payload runs from the project's PreBuildEvent (see VulnPoC.vcxproj).
// Reference: https://blog.google/threat-analysis-group/new-campaign-targeting-security-researchers/
// Reproduction (own code, placeholder host).
#include <cstdio>
#include "exploit.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::printf("usage: %s <target-pid>\n", argv[0]);
        return 1;
    }
    int pid = std::atoi(argv[1]);
    std::printf("[*] triggering write primitive against pid %d\n", pid);
    return run_exploit(pid) ? 0 : 2;
}
