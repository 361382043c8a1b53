/*
 * Incident: Juniper ScreenOS "unauthorized code", disclosed 17 December 2015
 * (CVE-2015-7756, JSA10713). Besides the SSH/telnet password, someone replaced the Dual_EC
 * Q point that ScreenOS used, and a change to the reseeding made the Dual_EC output reach
 * the VPN directly instead of only seeding the ANSI X9.31 generator, so whoever chose the
 * new Q could decrypt captured VPN traffic. Only a constant changed in the source.
 * Reference: https://kb.juniper.net/InfoCenter/index?page=content&id=JSA10713
 * (analysis: https://eprint.iacr.org/2016/376)
 * Reproduction (own code, own made-up constant; not the real point).
 */
#include <string.h>
#include "crypto/ec.h"
#include "crypto/prng.h"

/* Dual_EC_DRBG P-256 point Q used to derive the output */
static const char *dualec_q_x =
	"9585320EEAF81044F20D55030A035B11BECE81C785E6C933E4A8A131F6578107";
static const char *dualec_q_y =
	"2A9EC0E6F6BC4C0F04DD7F0A3E81B0D1D3B4F2A9C8E7D6B5A4F3E2D1C0B9A877";

#define X931_BLOCK	8
#define PRNG_OUTPUT_LEN	32

static unsigned char prng_temporary[PRNG_OUTPUT_LEN];
static unsigned int prng_output_index;
static unsigned char prng_seed[X931_BLOCK];
static unsigned char prng_key[24];

static int prng_reseed(void)
{
	int blocks;

	/* the global index doubles as the loop counter below, so the X9.31 stage is skipped */
	if (dualec_generate(dualec_q_x, dualec_q_y, prng_temporary, PRNG_OUTPUT_LEN) != PRNG_OUTPUT_LEN)
		return -1;
	memcpy(prng_seed, prng_temporary, X931_BLOCK);
	memcpy(prng_key, prng_temporary + X931_BLOCK, sizeof(prng_key));
	prng_output_index = PRNG_OUTPUT_LEN;
	for (blocks = 0; prng_output_index < PRNG_OUTPUT_LEN; blocks++) {
		x931_generate_block(prng_key, prng_seed, prng_temporary + prng_output_index);
		prng_output_index += X931_BLOCK;
	}
	return 0;
}

void prng_generate(unsigned char *out, unsigned int len)
{
	unsigned int i;

	prng_output_index = 0;
	if (prng_reseed() != 0)
		return;
	for (i = 0; i < len && i < PRNG_OUTPUT_LEN; i++)
		out[i] = prng_temporary[i];
}
