/* memcpy: copies of large blocks, REPS times: 1 MiB with 64-bit words (aligned) and 256 KiB byte by
 * byte (source offset varying, so mostly unaligned). Check: the last copies equal their sources,
 * compared independently. */
#include "bench.h"

#ifndef REPS
#define REPS 720
#endif
#define WORDS (1 << 17)        /* 1 MiB of u64 */
#define BYTES (1 << 18)        /* 256 KiB */

static u64 wsrc[WORDS], wdst[WORDS];
static u8 bsrc[BYTES + 64], bdst[BYTES];

static void copy_words(u64 *restrict d, const u64 *restrict s, usize n)
{
    for (usize i = 0; i < n; i += 4) {   /* n is a multiple of 4 */
        u64 a = s[i], b = s[i + 1], c = s[i + 2], e = s[i + 3];
        d[i] = a;
        d[i + 1] = b;
        d[i + 2] = c;
        d[i + 3] = e;
    }
}

static void copy_bytes(u8 *restrict d, const u8 *restrict s, usize n)
{
    while (n--) {
        *d++ = *s++;
    }
}

int main(void)
{
    u64 s = 0xb7e151628aed2a6bUL;
    OPAQUE(s);
    for (int i = 0; i < WORDS; i++) {
        wsrc[i] = xorshift64(&s);
    }
    for (int i = 0; i < BYTES + 64; i++) {
        bsrc[i] = (u8)xorshift64(&s);
    }
    u64 n = SCALED(REPS), digest = 0, off = 0;
    OPAQUE(n);
    for (u64 r = 0; r < n; r++) {
        wsrc[r % WORDS] += r;
        copy_words(wdst, wsrc, WORDS);
        off = (r * 7) % 61;
        copy_bytes(bdst, bsrc + off, BYTES);
        digest = digest * 31 + wdst[(r * 4099) % WORDS] + bdst[(r * 257) % BYTES];
    }
    int ok = 1;
    for (int i = 0; i < WORDS; i++) {
        ok &= wdst[i] == wsrc[i];
    }
    for (int i = 0; i < BYTES; i++) {
        ok &= bdst[i] == bsrc[i + off];
    }
    return result("memcpy", "digest", digest, ok);
}
