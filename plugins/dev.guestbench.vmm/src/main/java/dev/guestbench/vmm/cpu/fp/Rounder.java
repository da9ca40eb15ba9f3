package dev.guestbench.vmm.cpu.fp;

import static dev.guestbench.vmm.cpu.fp.FpBits.D_CANONICAL_NAN;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_INF;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_MAX_FINITE;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_SIGN;
import static dev.guestbench.vmm.cpu.fp.FpBits.S_CANONICAL_NAN;
import static dev.guestbench.vmm.cpu.fp.FpBits.S_INF;
import static dev.guestbench.vmm.cpu.fp.FpBits.S_MAX_FINITE;
import static dev.guestbench.vmm.cpu.fp.FpBits.S_SIGN;

/**
 * Rounds an unrounded binary value to binary64 or binary32 in a RISC-V rounding mode and raises the IEEE flags,
 * detecting tininess after rounding as RISC-V does; also builds the special results of the core operations.
 * Results are binary64 bits, or binary32 bits in the low half of the long when {@code single}.
 */
final class Rounder {

    private static final long D_HALF = 1L << 9;
    private static final long D_ROUND_MASK = (1L << 10) - 1;
    private static final long S_HALF = 1L << 38;
    private static final long S_ROUND_MASK = (1L << 39) - 1;

    private Rounder() {
    }

    /**
     * Rounds (-1)^neg * sig * 2^(exp - 62). sig has bit 62 set; bit 0 doubles as the sticky bit of anything the
     * caller already discarded, so the value only has to lie in the right open interval between rounding points.
     */
    static long round(FloatUnit u, boolean neg, int exp, long sig, int rm, boolean single) {
        return single ? roundSingle(u, neg, exp, sig, rm) & 0xffff_ffffL : roundDouble(u, neg, exp, sig, rm);
    }

    static long roundDouble(FloatUnit u, boolean neg, int exp, long sig, int rm) {
        int be = exp + 1023;
        if (be >= 0x7ff) {
            return overflow(u, neg, rm, false);
        }
        long inc = increment(rm, neg, D_HALF, D_ROUND_MASK);
        boolean tiny = false;
        if (be <= 0) {
            // Tiny after rounding: rounding to 53 bits with an unbounded exponent stays below 2^-1022,
            // i.e. there is no carry out of bit 62 (bit 63 stays clear).
            tiny = be < 0 || sig + inc >= 0;
            sig = shiftRightJam(sig, 1 - be);
            be = 0;
        }
        long roundBits = sig & D_ROUND_MASK;
        if (roundBits != 0) {
            u.flags |= tiny ? FloatUnit.NX | FloatUnit.UF : FloatUnit.NX;
        }
        long m = (sig + inc) >>> 10;
        if (roundBits == D_HALF && rm == FloatUnit.RNE) {
            m &= ~1L;
        }
        // The significand's leading bit adds one to the exponent field, so a carry or a subnormal that
        // rounds up to 2^-1022 lands in the right binade by plain addition.
        long mag = (be == 0 ? 0L : (long) (be - 1) << 52) + m;
        if (mag >= D_INF) {
            return overflow(u, neg, rm, false);
        }
        return neg ? mag | D_SIGN : mag;
    }

    static int roundSingle(FloatUnit u, boolean neg, int exp, long sig, int rm) {
        int be = exp + 127;
        if (be >= 0xff) {
            return (int) overflow(u, neg, rm, true);
        }
        long inc = increment(rm, neg, S_HALF, S_ROUND_MASK);
        boolean tiny = false;
        if (be <= 0) {
            tiny = be < 0 || sig + inc >= 0;
            sig = shiftRightJam(sig, 1 - be);
            be = 0;
        }
        long roundBits = sig & S_ROUND_MASK;
        if (roundBits != 0) {
            u.flags |= tiny ? FloatUnit.NX | FloatUnit.UF : FloatUnit.NX;
        }
        int m = (int) ((sig + inc) >>> 39);
        if (roundBits == S_HALF && rm == FloatUnit.RNE) {
            m &= ~1;
        }
        int mag = (be == 0 ? 0 : (be - 1) << 23) + m;
        if (mag >= S_INF) {
            return (int) overflow(u, neg, rm, true);
        }
        return neg ? mag | S_SIGN : mag;
    }

    /** What to add below the kept bits so that truncation rounds as rm asks (ties to even fixed up after). */
    private static long increment(int rm, boolean neg, long half, long mask) {
        switch (rm) {
            case FloatUnit.RTZ:
                return 0;
            case FloatUnit.RDN:
                return neg ? mask : 0;
            case FloatUnit.RUP:
                return neg ? 0 : mask;
            default:
                return half; // RNE and RMM; an invalid mode rounds like RMM
        }
    }

    private static long overflow(FloatUnit u, boolean neg, int rm, boolean single) {
        u.flags |= FloatUnit.OF | FloatUnit.NX;
        boolean toInfinity = switch (rm) {
            case FloatUnit.RTZ -> false;
            case FloatUnit.RDN -> neg;
            case FloatUnit.RUP -> !neg;
            default -> true;
        };
        if (single) {
            int mag = toInfinity ? S_INF : S_MAX_FINITE;
            return (neg ? mag | S_SIGN : mag) & 0xffff_ffffL;
        }
        long mag = toInfinity ? D_INF : D_MAX_FINITE;
        return neg ? mag | D_SIGN : mag;
    }

    /** x >>> n with every shifted-out one bit ORed into bit 0. */
    static long shiftRightJam(long x, int n) {
        if (n <= 0) {
            return x;
        }
        if (n >= 63) {
            return x != 0 ? 1 : 0;
        }
        return (x >>> n) | ((x << (64 - n)) != 0 ? 1 : 0);
    }

    static long invalid(FloatUnit u, boolean single) {
        u.flags |= FloatUnit.NV;
        return single ? S_CANONICAL_NAN : D_CANONICAL_NAN;
    }

    static long infinity(boolean neg, boolean single) {
        if (single) {
            return (neg ? S_INF | S_SIGN : S_INF) & 0xffff_ffffL;
        }
        return neg ? D_INF | D_SIGN : D_INF;
    }

    static long zero(boolean neg, boolean single) {
        if (single) {
            return neg ? S_SIGN & 0xffff_ffffL : 0;
        }
        return neg ? D_SIGN : 0;
    }

    /** An operand returned unchanged (it is exactly representable in the result format). */
    static long exact(long d, boolean single) {
        return single ? FpBits.narrowExact(d) & 0xffff_ffffL : d;
    }
}
