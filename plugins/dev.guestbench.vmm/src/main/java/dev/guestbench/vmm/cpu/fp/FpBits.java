package dev.guestbench.vmm.cpu.fp;

/** Bit layouts of IEEE 754 binary32 and binary64 and the predicates the RISC-V F and D rules need. */
final class FpBits {

    static final long D_SIGN = 0x8000_0000_0000_0000L;
    static final long D_MAG = 0x7fff_ffff_ffff_ffffL;
    static final long D_FRAC = 0x000f_ffff_ffff_ffffL;
    static final long D_IMPLICIT = 1L << 52;
    static final long D_INF = 0x7ff0_0000_0000_0000L;
    static final long D_QUIET = 1L << 51;
    static final long D_CANONICAL_NAN = 0x7ff8_0000_0000_0000L;
    static final long D_MAX_FINITE = 0x7fef_ffff_ffff_ffffL;
    static final int D_EXP_MAX = 0x7ff;

    static final int S_SIGN = 0x8000_0000;
    static final int S_MAG = 0x7fff_ffff;
    static final int S_FRAC = 0x007f_ffff;
    static final int S_INF = 0x7f80_0000;
    static final int S_QUIET = 1 << 22;
    static final int S_CANONICAL_NAN = 0x7fc0_0000;
    static final int S_MAX_FINITE = 0x7f7f_ffff;

    /** Upper half of a register holding a properly NaN-boxed single. */
    static final long BOX = 0xffff_ffff_0000_0000L;

    private FpBits() {
    }

    static boolean isNaN(long d) {
        return (d & D_MAG) > D_INF;
    }

    static boolean isSignalingNaN(long d) {
        return isNaN(d) && (d & D_QUIET) == 0;
    }

    static boolean isNaN(int s) {
        return (s & S_MAG) > S_INF;
    }

    static boolean isSignalingNaN(int s) {
        return isNaN(s) && (s & S_QUIET) == 0;
    }

    static boolean isInf(long d) {
        return (d & D_MAG) == D_INF;
    }

    static boolean isZero(long d) {
        return (d & D_MAG) == 0;
    }

    /** The biased exponent field of a double. */
    static int exponent(long d) {
        return (int) (d >>> 52) & D_EXP_MAX;
    }

    /**
     * The binary64 bits of a single value. Exact for every non-NaN input (binary32 embeds in binary64); a NaN
     * stays a NaN but loses its signaling bit, so callers test for signaling NaNs on the single bits first.
     */
    static long widen(int s) {
        return Double.doubleToRawLongBits(Float.intBitsToFloat(s));
    }

    /** The binary32 bits of a double that is exactly representable as a single (as results of exact cases are). */
    static int narrowExact(long d) {
        return Float.floatToRawIntBits((float) Double.longBitsToDouble(d));
    }

    /** The RISC-V fclass mask of a double. */
    static int classify(long d) {
        boolean neg = d < 0;
        int e = exponent(d);
        long frac = d & D_FRAC;
        int bit;
        if (e == D_EXP_MAX) {
            bit = frac == 0 ? (neg ? 0 : 7) : ((d & D_QUIET) != 0 ? 9 : 8);
        } else if (e == 0) {
            bit = frac == 0 ? (neg ? 3 : 4) : (neg ? 2 : 5);
        } else {
            bit = neg ? 1 : 6;
        }
        return 1 << bit;
    }

    /** The RISC-V fclass mask of a single. */
    static int classify(int s) {
        boolean neg = s < 0;
        int e = (s >>> 23) & 0xff;
        int frac = s & S_FRAC;
        int bit;
        if (e == 0xff) {
            bit = frac == 0 ? (neg ? 0 : 7) : ((s & S_QUIET) != 0 ? 9 : 8);
        } else if (e == 0) {
            bit = frac == 0 ? (neg ? 3 : 4) : (neg ? 2 : 5);
        } else {
            bit = neg ? 1 : 6;
        }
        return 1 << bit;
    }
}
