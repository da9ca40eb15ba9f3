/* sieve: the sieve of Eratosthenes over 0 .. 2,000,000 (a byte per number), REPS times.
 * Check: it finds pi(2,000,000) = 148,933 primes every time. */
#include "bench.h"

#ifndef REPS
#define REPS 60
#endif
#define LIMIT 2000000

static u8 composite[LIMIT + 1];

static u64 sieve(u64 limit)
{
    for (u64 i = 0; i <= limit; i++) {
        composite[i] = 0;
    }
    u64 count = 0;
    for (u64 i = 2; i <= limit; i++) {
        if (!composite[i]) {
            count++;
            for (u64 j = i * i; j <= limit; j += i) {
                composite[j] = 1;
            }
        }
    }
    return count;
}

int main(void)
{
    u64 n = SCALED(REPS), limit = LIMIT, total = 0;
    OPAQUE(n);
    int ok = 1;
    for (u64 r = 0; r < n; r++) {
        OPAQUE(limit);
        u64 c = sieve(limit);
        ok &= c == 148933;
        total += c;
    }
    return result("sieve", "primes", total, ok);
}
