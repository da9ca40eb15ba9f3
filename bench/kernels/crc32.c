/* crc32: CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) of a 4 KiB pseudo-random buffer, chained
 * REPS times, computed twice: bit by bit without a table, and byte by byte with a 256-entry table.
 * Check: both agree, and CRC-32("123456789") is the standard check value 0xCBF43926. */
#include "bench.h"

#ifndef REPS
#define REPS 13000
#endif
#define LEN 4096

static u8 buf[LEN];
static u32 table[256];

static u32 crc_bitwise(u32 crc, const u8 *p, usize n)
{
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
        }
    }
    return ~crc;
}

static u32 crc_table(u32 crc, const u8 *p, usize n)
{
    crc = ~crc;
    while (n--) {
        crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}

int main(void)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++) {
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
        }
        table[i] = c;
    }
    u64 s = 0x9e3779b97f4a7c15UL;
    OPAQUE(s);
    for (int i = 0; i < LEN; i++) {
        buf[i] = (u8)(xorshift64(&s) >> 32);
    }
    static const u8 check[] = "123456789";
    int ok = crc_bitwise(0, check, 9) == 0xCBF43926u && crc_table(0, check, 9) == 0xCBF43926u;

    u64 n = SCALED(REPS);
    OPAQUE(n);
    u32 a = 0, b = 0;
    for (u64 r = 0; r < n; r++) {
        a = crc_bitwise(a, buf, LEN);
    }
    for (u64 r = 0; r < n; r++) {
        b = crc_table(b, buf, LEN);
    }
    return result("crc32", "crc", a, ok && a == b);
}
