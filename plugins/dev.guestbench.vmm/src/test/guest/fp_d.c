/* D: every double-precision instruction; the bodies are in rt/fp.h. */
#define FP_DOUBLE 1
#include "fp.h"

static const fbits vals[] = {
    0x0000000000000000UL, /* +0 */
    0x8000000000000000UL, /* -0 */
    0x3ff0000000000000UL, /* 1.0 */
    0xbff8000000000000UL, /* -1.5 */
    0x3fd5555555555555UL, /* 1/3 */
    0x0000000000000001UL, /* smallest subnormal */
    0x0010000000000000UL, /* smallest normal */
    0x7fefffffffffffffUL, /* largest finite */
    0x7ff0000000000000UL, /* +inf */
    0xfff0000000000000UL, /* -inf */
    0x7ff8000000000000UL, /* canonical quiet NaN */
    0xfff8000000012345UL, /* negative quiet NaN with payload */
    0x7ff0000000000001UL, /* signalling NaN */
};

static const fbits cvals[] = {
    0x41e0000000000000UL, /* 2^31 */
    0x41dfffffffe00000UL, /* 2^31 - 0.5 */
    0xc1e0000000000000UL, /* -2^31 */
    0xc1e0000000100000UL, /* -2^31 - 0.5 */
    0x41f0000000000000UL, /* 2^32 */
    0x41efffffffff0000UL, /* 2^32 - 0.5 */
    0x43e0000000000000UL, /* 2^63 */
    0xc3e0000000000000UL, /* -2^63 */
    0x43f0000000000000UL, /* 2^64 */
    0x4004000000000000UL, /* 2.5 */
    0xc004000000000000UL, /* -2.5 */
    0x3fe0000000000000UL, /* 0.5 */
    0xbfe0000000000000UL, /* -0.5 */
    0x3ff8000000000000UL, /* 1.5 */
    0xbff0000000000000UL, /* -1.0 */
    0x7ff0000000000000UL, /* +inf */
    0xfff0000000000000UL, /* -inf */
    0x7ff8000000000000UL, /* NaN */
    0x0000000000000001UL, /* smallest subnormal */
    0x3fd5555555555555UL, /* 1/3: fcvt.s.d rounds */
    0x47efffffe0000000UL, /* just above the largest single: fcvt.s.d overflows by mode */
};

static const fbits fma3[][3] = {
    {0x3fd5555555555555UL, 0x4008000000000000UL, 0xbff0000000000000UL}, /* 1/3 * 3 - 1 */
    {0x7fefffffffffffffUL, 0x4000000000000000UL, 0xffefffffffffffffUL}, /* max * 2 - max */
    {0x7ff0000000000000UL, 0x0000000000000000UL, 0x7ff8000000000000UL}, /* inf * 0 + qNaN */
    {0x7ff0000000000000UL, 0x3ff0000000000000UL, 0xfff0000000000000UL}, /* inf - inf */
    {0x0000000000000000UL, 0x8000000000000000UL, 0x0000000000000000UL}, /* sign of exact zero */
    {0x3ff0000000000000UL, 0x3ff0000000000000UL, 0x7ff0000000000001UL}, /* sNaN addend */
    {0x0010000000000000UL, 0x3fe0000000000000UL, 0x0000000000000000UL}, /* underflow */
    {0x3ff8000000000000UL, 0xbff8000000000000UL, 0x4002000000000000UL}, /* 2.25 - 2.25 */
};

static const fbits rmv[][2] = {
    {0x3ff0000000000000UL, 0x3ca0000000000000UL}, /* 1 + half an ulp */
    {0x3ff0000000000001UL, 0x3ca0000000000000UL}, /* odd + half an ulp */
    {0xbff0000000000000UL, 0xbca0000000000001UL}, /* -(1 + just over half an ulp) */
    {0x3ff0000000000000UL, 0x4008000000000000UL}, /* 1 / 3 */
    {0xbff0000000000000UL, 0x4008000000000000UL}, /* -1 / 3 */
    {0x7fefffffffffffffUL, 0x3ff8000000000000UL}, /* max * 1.5 */
    {0x0010000000000001UL, 0x3fe0000000000000UL}, /* tiny * 0.5 */
    {0x4000000000000000UL, 0x3ff0000000000000UL}, /* sqrt 2 */
    {0x3fd5555555555555UL, 0x3ff0000000000000UL}, /* 1/3: fcvt.s.d rounds by mode */
};

int main(void) {
    run_all(vals, sizeof vals / sizeof vals[0], cvals, sizeof cvals / sizeof cvals[0], ivals, NIVALS, fma3,
            sizeof fma3 / sizeof fma3[0], rmv, sizeof rmv / sizeof rmv[0]);
    return 0;
}
