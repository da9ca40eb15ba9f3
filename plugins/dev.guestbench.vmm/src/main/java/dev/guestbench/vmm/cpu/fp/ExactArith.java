package dev.guestbench.vmm.cpu.fp;

import static dev.guestbench.vmm.cpu.fp.FpBits.D_EXP_MAX;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_FRAC;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_IMPLICIT;
import static dev.guestbench.vmm.cpu.fp.FpBits.exponent;
import static dev.guestbench.vmm.cpu.fp.FpBits.isInf;
import static dev.guestbench.vmm.cpu.fp.FpBits.isZero;

/**
 * Correctly rounded add, multiply, divide, square root and fused multiply-add in every rounding mode, for
 * operands that are not NaN (callers screen NaNs, whose flags depend on the format). Operands are binary64
 * bits (singles widened, which is exact); the result is rounded once, to binary64 or to binary32.
 * Integer arithmetic keeps every bit or a sticky bit, so this path is exact for all inputs, subnormal or not.
 */
final class ExactArith {

    private ExactArith() {
    }

    static long add(FloatUnit u, long a, long b, int rm, boolean single) {
        int ea = exponent(a);
        int eb = exponent(b);
        boolean na = a < 0;
        boolean nb = b < 0;
        if (ea == D_EXP_MAX || eb == D_EXP_MAX) {
            if (ea == D_EXP_MAX && eb == D_EXP_MAX && na != nb) {
                return Rounder.invalid(u, single);
            }
            return Rounder.infinity(ea == D_EXP_MAX ? na : nb, single);
        }
        if (isZero(a)) {
            // An exact zero sum is -0 only when both are -0, or in round-down mode for unlike signs.
            return isZero(b) ? Rounder.zero(na == nb ? na : rm == FloatUnit.RDN, single) : Rounder.exact(b, single);
        }
        if (isZero(b)) {
            return Rounder.exact(a, single);
        }
        long sa = (a & D_FRAC) | (ea != 0 ? D_IMPLICIT : 0);
        long sb = (b & D_FRAC) | (eb != 0 ? D_IMPLICIT : 0);
        ea = Math.max(ea, 1);
        eb = Math.max(eb, 1);
        if (ea < eb || (ea == eb && sa < sb)) {
            // Make a the operand of larger magnitude so the difference is never negative.
            long t = sa;
            sa = sb;
            sb = t;
            int te = ea;
            ea = eb;
            eb = te;
            boolean tn = na;
            na = nb;
            nb = tn;
        }
        sa <<= 9;
        sb = Rounder.shiftRightJam(sb << 9, ea - eb);
        long s;
        if (na == nb) {
            s = sa + sb;
        } else {
            s = sa - sb;
            if (s == 0) {
                return Rounder.zero(rm == FloatUnit.RDN, single);
            }
        }
        int shift = Long.numberOfLeadingZeros(s) - 1;
        return Rounder.round(u, na, ea - 1022 - shift, s << shift, rm, single);
    }

    static long mul(FloatUnit u, long a, long b, int rm, boolean single) {
        boolean neg = (a ^ b) < 0;
        if (isInf(a) || isInf(b)) {
            return isZero(a) || isZero(b) ? Rounder.invalid(u, single) : Rounder.infinity(neg, single);
        }
        if (isZero(a) || isZero(b)) {
            return Rounder.zero(neg, single);
        }
        long sa = normalizedSignificand(a) << 11;
        long sb = normalizedSignificand(b) << 11;
        int exp = normalizedExponent(a) + normalizedExponent(b) - 2046;
        long hi = Math.unsignedMultiplyHigh(sa, sb);
        long sticky = sa * sb != 0 ? 1 : 0;
        if (hi < 0) {
            hi = (hi >>> 1) | (hi & 1);
            exp++;
        }
        return Rounder.round(u, neg, exp, hi | sticky, rm, single);
    }

    static long div(FloatUnit u, long a, long b, int rm, boolean single) {
        boolean neg = (a ^ b) < 0;
        if (isInf(a)) {
            return isInf(b) ? Rounder.invalid(u, single) : Rounder.infinity(neg, single);
        }
        if (isInf(b)) {
            return Rounder.zero(neg, single);
        }
        if (isZero(b)) {
            if (isZero(a)) {
                return Rounder.invalid(u, single);
            }
            u.flags |= FloatUnit.DZ;
            return Rounder.infinity(neg, single);
        }
        if (isZero(a)) {
            return Rounder.zero(neg, single);
        }
        long sa = normalizedSignificand(a);
        long sb = normalizedSignificand(b);
        int e = normalizedExponent(a) - normalizedExponent(b);
        // The hardware quotient of the 53-bit significands is the nearest double; the exact integer
        // comparison of sa with q * sb says on which side of it the true quotient lies.
        long qBits = Double.doubleToRawLongBits((double) sa / (double) sb);
        int eq = exponent(qBits) - 1023;
        long sq = (qBits & D_FRAC) | D_IMPLICIT;
        int s = 52 - eq;
        int side = compare128(sa >>> (64 - s), sa << s, Math.multiplyHigh(sq, sb), sq * sb);
        return roundNearestWithSide(u, neg, e + eq, sq, side, rm, single);
    }

    static long sqrt(FloatUnit u, long a, int rm, boolean single) {
        if (isZero(a)) {
            return Rounder.exact(a, single);
        }
        if (a < 0) {
            return Rounder.invalid(u, single);
        }
        if (isInf(a)) {
            return Rounder.infinity(false, single);
        }
        long sa = normalizedSignificand(a);
        int e = normalizedExponent(a) - 1023;
        if ((e & 1) != 0) {
            // Make the exponent even so it halves exactly; the significand then lies in [1, 4).
            sa <<= 1;
            e--;
        }
        long rBits = Double.doubleToRawLongBits(Math.sqrt((double) sa * 0x1p-52));
        int er = exponent(rBits) - 1023;
        long sr = (rBits & D_FRAC) | D_IMPLICIT;
        int s = 52 - 2 * er;
        int side = compare128(sa >>> (64 - s), sa << s, Math.multiplyHigh(sr, sr), sr * sr);
        return roundNearestWithSide(u, false, e / 2 + er, sr, side, rm, single);
    }

    /** (a * b) + c rounded once; the RISC-V negated forms are this with operand signs flipped by the caller. */
    static long fma(FloatUnit u, long a, long b, long c, int rm, boolean single) {
        boolean np = (a ^ b) < 0;
        boolean nc = c < 0;
        if (isInf(a) || isInf(b)) {
            if (isZero(a) || isZero(b) || (isInf(c) && nc != np)) {
                return Rounder.invalid(u, single);
            }
            return Rounder.infinity(np, single);
        }
        if (isInf(c)) {
            return Rounder.infinity(nc, single);
        }
        if (isZero(a) || isZero(b)) {
            if (isZero(c)) {
                return Rounder.zero(np == nc ? np : rm == FloatUnit.RDN, single);
            }
            return Rounder.exact(c, single);
        }
        if (isZero(c)) {
            return mul(u, a, b, rm, single);
        }
        long sa = normalizedSignificand(a);
        long sb = normalizedSignificand(b);
        long sc = normalizedSignificand(c);
        // Product P = sa*sb (106 bits) shifted so its top bit is at 125 or 126 of 128; addend C with its
        // top bit at 125. Each is then an integer times 2^x.
        long pLo = sa * sb;
        long pHi = (Math.multiplyHigh(sa, sb) << 21) | (pLo >>> 43);
        pLo <<= 21;
        int xp = normalizedExponent(a) + normalizedExponent(b) - 2171;
        long cHi = sc << 9;
        long cLo = 0;
        int xc = normalizedExponent(c) - 1148;

        // Align the operand with the smaller scale to the larger one. Bits only fall off an operand that is
        // far smaller than the other, so a sticky bit keeps the rounding exact.
        long bigHi;
        long bigLo;
        long smallHi;
        long smallLo;
        boolean bigNeg;
        int x;
        int d;
        if (xp >= xc) {
            bigHi = pHi;
            bigLo = pLo;
            bigNeg = np;
            smallHi = cHi;
            smallLo = cLo;
            x = xp;
            d = xp - xc;
        } else {
            bigHi = cHi;
            bigLo = cLo;
            bigNeg = nc;
            smallHi = pHi;
            smallLo = pLo;
            x = xc;
            d = xc - xp;
        }
        if (d >= 128) {
            smallLo = (smallHi | smallLo) != 0 ? 1 : 0;
            smallHi = 0;
        } else if (d >= 64) {
            long lost = (d == 64 ? 0 : smallHi << (128 - d)) | smallLo;
            smallLo = (smallHi >>> (d - 64)) | (lost != 0 ? 1 : 0);
            smallHi = 0;
        } else if (d > 0) {
            long lost = smallLo << (64 - d);
            smallLo = (smallLo >>> d) | (smallHi << (64 - d)) | (lost != 0 ? 1 : 0);
            smallHi >>>= d;
        }

        long rHi;
        long rLo;
        boolean neg;
        if (np == nc) {
            rLo = bigLo + smallLo;
            rHi = bigHi + smallHi + (Long.compareUnsigned(rLo, bigLo) < 0 ? 1 : 0);
            neg = np;
        } else {
            int cmp = compare128(bigHi, bigLo, smallHi, smallLo);
            if (cmp == 0) {
                return Rounder.zero(rm == FloatUnit.RDN, single);
            }
            if (cmp > 0) {
                rLo = bigLo - smallLo;
                rHi = bigHi - smallHi - (Long.compareUnsigned(bigLo, smallLo) < 0 ? 1 : 0);
                neg = bigNeg;
            } else {
                rLo = smallLo - bigLo;
                rHi = smallHi - bigHi - (Long.compareUnsigned(smallLo, bigLo) < 0 ? 1 : 0);
                neg = !bigNeg;
            }
        }

        // Normalize so the top bit sits at 126, keep the upper 64 bits (top bit at 62), jam the rest.
        int top = rHi != 0 ? 127 - Long.numberOfLeadingZeros(rHi) : 63 - Long.numberOfLeadingZeros(rLo);
        int k = 126 - top;
        long sig;
        if (k < 0) {
            sig = (rHi >>> 1) | (((rHi & 1) | rLo) != 0 ? 1 : 0);
        } else if (k == 0) {
            sig = rHi | (rLo != 0 ? 1 : 0);
        } else if (k < 64) {
            sig = (rHi << k) | (rLo >>> (64 - k)) | ((rLo << k) != 0 ? 1 : 0);
        } else {
            sig = rLo << (k - 64);
        }
        return Rounder.round(u, neg, x - k + 126, sig, rm, single);
    }

    /**
     * Rounds a result known to lie strictly within half an ulp of the 53-bit significand sq (scaled by
     * 2^(exp - 52)) on the given side of it (0 when exact). No midpoint can occur (quotients and square roots
     * of doubles are never one), so a value just beside sq stands for the true one.
     */
    private static long roundNearestWithSide(FloatUnit u, boolean neg, int exp, long sq, int side, int rm,
            boolean single) {
        long sig = sq << 10;
        if (side > 0) {
            sig |= 1;
        } else if (side < 0) {
            if (sq == D_IMPLICIT) {
                // Just below a power of two: represent it one binade lower to keep bit 62 set.
                sig = Long.MAX_VALUE;
                exp--;
            } else {
                sig--;
            }
        }
        return Rounder.round(u, neg, exp, sig, rm, single);
    }

    /** Signum of the unsigned 128-bit difference (aHi:aLo) - (bHi:bLo). */
    private static int compare128(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /** The significand of a finite nonzero double as an integer with its top bit at 52. */
    static long normalizedSignificand(long d) {
        long m = d & D_FRAC;
        return exponent(d) != 0 ? m | D_IMPLICIT : m << (Long.numberOfLeadingZeros(m) - 11);
    }

    /** The biased exponent matching {@link #normalizedSignificand}: below 1 for subnormals. */
    static int normalizedExponent(long d) {
        int e = exponent(d);
        return e != 0 ? e : 12 - Long.numberOfLeadingZeros(d & D_FRAC);
    }
}
