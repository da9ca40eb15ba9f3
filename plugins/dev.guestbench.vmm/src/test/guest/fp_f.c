/* F: every single-precision instruction; the bodies are in rt/fp.h. */
#define FP_DOUBLE 0
#include "fp.h"

static const fbits vals[] = {
    0x00000000, /* +0 */
    0x80000000, /* -0 */
    0x3f800000, /* 1.0 */
    0xbfc00000, /* -1.5 */
    0x3eaaaaab, /* 1/3 */
    0x00000001, /* smallest subnormal */
    0x00800000, /* smallest normal */
    0x7f7fffff, /* largest finite */
    0x7f800000, /* +inf */
    0xff800000, /* -inf */
    0x7fc00000, /* canonical quiet NaN */
    0xffc12345, /* negative quiet NaN with payload */
    0x7f800001, /* signalling NaN */
};

/* conversion limits and halfway cases */
static const fbits cvals[] = {
    0x4f000000, /* 2^31 */
    0xcf000000, /* -2^31 */
    0xcf000001, /* just below -2^31 */
    0x4f800000, /* 2^32 */
    0x5f000000, /* 2^63 */
    0xdf000000, /* -2^63 */
    0x5f800000, /* 2^64 */
    0x40200000, /* 2.5 */
    0xc0200000, /* -2.5 */
    0x3f000000, /* 0.5 */
    0xbf000000, /* -0.5 */
    0x3fc00000, /* 1.5 */
    0xbf800000, /* -1.0 */
    0x4f32d05e, /* 3e9 */
    0x7f800000, /* +inf */
    0xff800000, /* -inf */
    0x7fc00000, /* NaN */
    0x00000001, /* smallest subnormal */
};

static const fbits fma3[][3] = {
    {0x3eaaaaab, 0x40400000, 0xbf800000}, /* 1/3 * 3 - 1: the fused result is not 0 */
    {0x7f7fffff, 0x40000000, 0xff7fffff}, /* max * 2 - max: no intermediate overflow */
    {0x7f800000, 0x00000000, 0x7fc00000}, /* inf * 0 + qNaN: invalid even with a NaN addend */
    {0x7f800000, 0x3f800000, 0xff800000}, /* inf - inf: invalid */
    {0x00000000, 0x80000000, 0x00000000}, /* the sign of an exact zero */
    {0x3f800000, 0x3f800000, 0x7f800001}, /* sNaN addend */
    {0x00800000, 0x3f000000, 0x00000000}, /* underflow to a subnormal */
    {0x3fc00000, 0xbfc00000, 0x40100000}, /* 2.25 - 2.25 exactly */
};

/* operand pairs for the rounding-mode section: ties, overflow, underflow, inexact quotients */
static const fbits rmv[][2] = {
    {0x3f800000, 0x33800000}, /* 1 + half an ulp: a tie */
    {0x3f800001, 0x33800000}, /* odd + half an ulp: a tie to even goes up */
    {0xbf800000, 0xb3800001}, /* -(1 + just over half an ulp) */
    {0x3f800000, 0x40400000}, /* 1 / 3 */
    {0xbf800000, 0x40400000}, /* -1 / 3 */
    {0x7f7fffff, 0x3fc00000}, /* max * 1.5: overflow, inf or max by mode */
    {0x00800001, 0x3f000000}, /* tiny * 0.5: underflow */
    {0x40000000, 0x3f800000}, /* sqrt 2 */
    {0x4f32d05e, 0x3f800000}, /* 3e9 */
};

int main(void) {
    run_all(vals, sizeof vals / sizeof vals[0], cvals, sizeof cvals / sizeof cvals[0], ivals, NIVALS, fma3,
            sizeof fma3 / sizeof fma3[0], rmv, sizeof rmv / sizeof rmv[0]);
    return 0;
}
