/* Fixture for generic-xor-decoded-exec-memory (C).
 * RULEID: single-byte XOR over a buffer, mmap with PROT_EXEC and a call through a function
 *   pointer cast.
 * OK: a checksum that XORs bytes and prints the result. */
#include <string.h>
#include <sys/mman.h>

static unsigned char blob[] = { 0x4a, 0x12, 0x9f, 0x00 };

unsigned char checksum(const unsigned char *p, size_t n) {
    unsigned char c = 0;
    // ok: generic-xor-decoded-exec-memory
    for (size_t i = 0; i < n; i++) c = (unsigned char)(c + p[i]);
    return c;
}

void boot(void) {
    for (size_t i = 0; i < sizeof(blob); i++)
        blob[i] ^= 0x5c;
    // ruleid: generic-xor-decoded-exec-memory
    void *m = mmap(NULL, sizeof(blob), PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(m, blob, sizeof(blob));
    // ruleid: generic-xor-decoded-exec-memory
    ((void (*)(void))m)();
}
