package dev.guestbench.vmm.cpu.fp;

import static dev.guestbench.vmm.cpu.fp.FpBits.D_EXP_MAX;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_FRAC;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_IMPLICIT;
import static dev.guestbench.vmm.cpu.fp.FpBits.exponent;
import static dev.guestbench.vmm.cpu.fp.FpBits.isInf;
import static dev.guestbench.vmm.cpu.fp.FpBits.isZero;

/**
 * Conversions with rounding: floating point to 32- and 64-bit integers with RISC-V saturation, integers to
 * floating point, and binary64 to binary32. Floating-point inputs are binary64 bits (singles widened).
 */
final class Conversions {

    /** Integer result kinds: fcvt.w, fcvt.wu, fcvt.l, fcvt.lu. */
    static final int W = 0;
    static final int WU = 1;
    static final int L = 2;
    static final int LU = 3;

    private Conversions() {
    }

    /** The integer register value of fcvt.{w,wu,l,lu}.{s,d}; the 32-bit forms are sign-extended. */
    static long toInteger(FloatUnit u, long d, int kind, int rm) {
        int e = exponent(d);
        if (e == D_EXP_MAX) {
            u.flags |= FloatUnit.NV;
            // NaN converts like +infinity.
            return saturated(kind, d < 0 && isInf(d));
        }
        boolean neg = d < 0;
        long sig = (d & D_FRAC) | (e != 0 ? D_IMPLICIT : 0);
        int shift = 1075 - Math.max(e, 1); // |d| = sig * 2^-shift
        long mag;
        boolean inexact;
        if (shift <= 0) {
            if (shift < -11) {
                // |d| >= 2^64: out of range of every kind.
                u.flags |= FloatUnit.NV;
                return saturated(kind, neg);
            }
            mag = sig << -shift;
            inexact = false;
        } else {
            long whole;
            long rest;
            long half;
            if (shift >= 64) {
                // |d| < 2^-11: nothing whole, and the fraction is below one half.
                whole = 0;
                rest = sig != 0 ? 1 : 0;
                half = Long.MAX_VALUE;
            } else {
                whole = sig >>> shift;
                rest = sig & ((1L << shift) - 1);
                half = 1L << (shift - 1);
            }
            boolean up = switch (rm) {
                case FloatUnit.RNE -> rest > half || (rest == half && (whole & 1) != 0);
                case FloatUnit.RTZ -> false;
                case FloatUnit.RDN -> neg && rest != 0;
                case FloatUnit.RUP -> !neg && rest != 0;
                default -> rest >= half; // RMM (and, like the rounder, any invalid mode)
            };
            mag = up ? whole + 1 : whole;
            inexact = rest != 0;
        }
        long result;
        boolean inRange;
        switch (kind) {
            case W -> {
                inRange = Long.compareUnsigned(mag, neg ? 1L << 31 : Integer.MAX_VALUE) <= 0;
                result = neg ? -mag : mag;
            }
            case WU -> {
                inRange = neg ? mag == 0 : Long.compareUnsigned(mag, 0xffff_ffffL) <= 0;
                result = (int) mag;
            }
            case L -> {
                inRange = Long.compareUnsigned(mag, neg ? Long.MIN_VALUE : Long.MAX_VALUE) <= 0;
                result = neg ? -mag : mag;
            }
            default -> {
                inRange = !neg || mag == 0;
                result = mag;
            }
        }
        if (!inRange) {
            // An invalid conversion raises NV alone, never NX.
            u.flags |= FloatUnit.NV;
            return saturated(kind, neg);
        }
        if (inexact) {
            u.flags |= FloatUnit.NX;
        }
        return result;
    }

    private static long saturated(int kind, boolean neg) {
        return switch (kind) {
            case W -> neg ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case WU -> neg ? 0 : -1L;
            case L -> neg ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> neg ? 0 : -1L;
        };
    }

    /** An integer (two's complement, or unsigned when asked) rounded to binary64 or binary32. */
    static long fromInteger(FloatUnit u, long v, boolean unsigned, int rm, boolean single) {
        if (v == 0) {
            return 0;
        }
        boolean neg = !unsigned && v < 0;
        long mag = neg ? -v : v; // Long.MIN_VALUE stays 2^63 read as unsigned
        int lz = Long.numberOfLeadingZeros(mag);
        if (lz == 0) {
            return Rounder.round(u, neg, 63, (mag >>> 1) | (mag & 1), rm, single);
        }
        return Rounder.round(u, neg, 63 - lz, mag << (lz - 1), rm, single);
    }

    /** fcvt.s.d for a double that is not NaN: binary32 bits. */
    static int narrow(FloatUnit u, long d, int rm) {
        boolean neg = d < 0;
        if (isInf(d)) {
            return (int) Rounder.infinity(neg, true);
        }
        if (isZero(d)) {
            return (int) Rounder.zero(neg, true);
        }
        long sig = ExactArith.normalizedSignificand(d) << 10;
        return Rounder.roundSingle(u, neg, ExactArith.normalizedExponent(d) - 1023, sig, rm);
    }
}
