/* lcg: a 64-bit linear congruential generator (Knuth's MMIX constants) stepped REPS times, folding
 * the high bits of every state into a checksum. Check: the final state equals the state computed by
 * jumping ahead REPS steps in O(log REPS) (the affine map raised to the REPS-th power). */
#include "bench.h"

#ifndef REPS
#define REPS 950000000UL
#endif
#define MUL 6364136223846793005UL
#define INC 1442695040888963407UL

/* State after n steps from x, by squaring the affine map x -> a*x + c. */
static u64 jump(u64 x, u64 n)
{
    u64 a = MUL, c = INC, acc_a = 1, acc_c = 0;
    while (n) {
        if (n & 1) {
            acc_a *= a;
            acc_c = acc_c * a + c;
        }
        c = c * (a + 1);
        a = a * a;
        n >>= 1;
    }
    return acc_a * x + acc_c;
}

int main(void)
{
    u64 n = SCALED(REPS);
    u64 seed = 0x853c49e6748fea9bUL;
    OPAQUE(seed);
    OPAQUE(n);
    u64 x = seed, sum = 0;
    for (u64 i = 0; i < n; i++) {
        x = x * MUL + INC;
        sum += x >> 33;
    }
    return result("lcg", "sum", sum ^ x, x == jump(seed, n));
}
