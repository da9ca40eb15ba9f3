/* sort: quicksort (median of three, insertion sort below 16 elements) of 100,000 pseudo-random
 * 64-bit keys, REPS times with fresh data. Check: the result is ordered and holds the same keys
 * (sum and xor of all keys unchanged). */
#include "bench.h"

#ifndef REPS
#define REPS 95
#endif
#define LEN 100000

static u64 a[LEN];

static void insertion(u64 *v, i64 lo, i64 hi)
{
    for (i64 i = lo + 1; i <= hi; i++) {
        u64 x = v[i];
        i64 j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void swap(u64 *v, i64 i, i64 j)
{
    u64 t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void quicksort(u64 *v, i64 lo, i64 hi)
{
    while (hi - lo >= 16) {
        i64 mid = lo + (hi - lo) / 2;
        if (v[mid] < v[lo]) swap(v, mid, lo);
        if (v[hi] < v[lo]) swap(v, hi, lo);
        if (v[hi] < v[mid]) swap(v, hi, mid);
        u64 pivot = v[mid];
        i64 i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                swap(v, i, j);
                i++;
                j--;
            }
        }
        /* recurse into the smaller part, loop on the larger: the stack stays O(log n) */
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
    insertion(v, lo, hi);
}

int main(void)
{
    u64 n = SCALED(REPS), s = 0x243f6a8885a308d3UL, digest = 0;
    OPAQUE(n);
    OPAQUE(s);
    int ok = 1;
    for (u64 r = 0; r < n; r++) {
        u64 sum = 0, x = 0;
        for (int i = 0; i < LEN; i++) {
            a[i] = xorshift64(&s);
            sum += a[i];
            x ^= a[i];
        }
        quicksort(a, 0, LEN - 1);
        u64 sum2 = 0, x2 = 0;
        for (int i = 0; i < LEN; i++) {
            ok &= i == 0 || a[i - 1] <= a[i];
            sum2 += a[i];
            x2 ^= a[i];
        }
        ok &= sum == sum2 && x == x2;
        digest = digest * 31 + a[LEN / 2] + a[r % LEN];
    }
    return result("sort", "digest", digest, ok);
}
