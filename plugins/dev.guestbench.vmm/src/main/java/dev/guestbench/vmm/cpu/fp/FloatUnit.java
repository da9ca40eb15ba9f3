package dev.guestbench.vmm.cpu.fp;

import static dev.guestbench.vmm.cpu.fp.FpBits.BOX;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_FRAC;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_IMPLICIT;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_INF;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_MAG;
import static dev.guestbench.vmm.cpu.fp.FpBits.D_SIGN;
import static dev.guestbench.vmm.cpu.fp.FpBits.S_INF;
import static dev.guestbench.vmm.cpu.fp.FpBits.S_MAG;
import static dev.guestbench.vmm.cpu.fp.FpBits.S_SIGN;
import static dev.guestbench.vmm.cpu.fp.FpBits.exponent;
import static dev.guestbench.vmm.cpu.fp.FpBits.isInf;
import static dev.guestbench.vmm.cpu.fp.FpBits.isNaN;
import static dev.guestbench.vmm.cpu.fp.FpBits.isSignalingNaN;
import static dev.guestbench.vmm.cpu.fp.FpBits.isZero;
import static dev.guestbench.vmm.cpu.fp.FpBits.widen;

/**
 * The floating-point unit of the RISC-V F and D extensions, exact in every rounding mode: one per vCPU.
 * <p>
 * Doubles are raw IEEE bits in a long, singles raw bits in an int. Every operation ORs the exceptions it raises
 * into {@link #flags}; NaN results are the canonical NaN. Round-to-nearest-even on normal numbers takes the
 * host's double arithmetic plus a cheap exactness test; every other case goes to integer code that keeps
 * all bits ({@link ExactArith}, {@link Conversions}). Nothing allocates and no input makes it throw; a
 * rounding mode outside 0..4 rounds to nearest with ties away from zero.
 */
public final class FloatUnit {

    /** fflags bit: inexact. */
    public static final int NX = 1;
    /** fflags bit: underflow (tiny after rounding and inexact). */
    public static final int UF = 2;
    /** fflags bit: overflow. */
    public static final int OF = 4;
    /** fflags bit: division by zero. */
    public static final int DZ = 8;
    /** fflags bit: invalid operation. */
    public static final int NV = 16;

    /** Round to nearest, ties to even. */
    public static final int RNE = 0;
    /** Round towards zero. */
    public static final int RTZ = 1;
    /** Round down (towards negative infinity). */
    public static final int RDN = 2;
    /** Round up (towards positive infinity). */
    public static final int RUP = 3;
    /** Round to nearest, ties away from zero. */
    public static final int RMM = 4;

    /** The canonical double NaN every NaN-producing double operation returns. */
    public static final long CANONICAL_NAN_D = FpBits.D_CANONICAL_NAN;
    /** The canonical single NaN every NaN-producing single operation returns. */
    public static final int CANONICAL_NAN_S = FpBits.S_CANONICAL_NAN;

    /** Accrued exception flags (the fflags CSR): NX, UF, OF, DZ, NV. */
    public int flags;

    // ---------------------------------------------------------------- double precision arithmetic

    public long addD(long a, long b, int rm) {
        if (rm == RNE) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double s = x + y;
            if (Math.abs(s) <= Double.MAX_VALUE) {
                // TwoSum: the exact error of s. A finite sum of doubles that is inexact is never tiny.
                double bv = s - x;
                if ((x - (s - bv)) + (y - bv) != 0) {
                    flags |= NX;
                }
                return Double.doubleToRawLongBits(s);
            }
        }
        if (isNaN(a) || isNaN(b)) {
            return nanResultD(a, b);
        }
        return ExactArith.add(this, a, b, rm, false);
    }

    public long subD(long a, long b, int rm) {
        return addD(a, b ^ D_SIGN, rm);
    }

    public long mulD(long a, long b, int rm) {
        if (rm == RNE) {
            double p = Double.longBitsToDouble(a) * Double.longBitsToDouble(b);
            double ap = Math.abs(p);
            if (ap > Double.MIN_NORMAL && ap <= Double.MAX_VALUE) {
                if (!exactProduct(a, b, p)) {
                    flags |= NX;
                }
                return Double.doubleToRawLongBits(p);
            }
        }
        if (isNaN(a) || isNaN(b)) {
            return nanResultD(a, b);
        }
        return ExactArith.mul(this, a, b, rm, false);
    }

    public long divD(long a, long b, int rm) {
        if (rm == RNE) {
            double q = Double.longBitsToDouble(a) / Double.longBitsToDouble(b);
            double aq = Math.abs(q);
            if (aq > Double.MIN_NORMAL && aq <= Double.MAX_VALUE) {
                long qBits = Double.doubleToRawLongBits(q);
                if (!exactQuotient(a, b, qBits)) {
                    flags |= NX;
                }
                return qBits;
            }
        }
        if (isNaN(a) || isNaN(b)) {
            return nanResultD(a, b);
        }
        return ExactArith.div(this, a, b, rm, false);
    }

    public long sqrtD(long a, int rm) {
        if (rm == RNE && a > 0 && a < D_INF) {
            long rBits = Double.doubleToRawLongBits(Math.sqrt(Double.longBitsToDouble(a)));
            // r*r == a exactly iff the odd parts agree; an odd part of 27 bits or more squares past 53 bits.
            long or = oddPart((rBits & D_FRAC) | D_IMPLICIT);
            if (or >= 1L << 27 || or * or != oddPart(significandBits(a))) {
                flags |= NX;
            }
            return rBits;
        }
        if (isNaN(a)) {
            return nanResultD(a, a);
        }
        return ExactArith.sqrt(this, a, rm, false);
    }

    public long fmaddD(long a, long b, long c, int rm) {
        return fmaD(a, b, c, rm);
    }

    public long fmsubD(long a, long b, long c, int rm) {
        return fmaD(a, b, c ^ D_SIGN, rm);
    }

    /** -(a*b) + c. */
    public long fnmsubD(long a, long b, long c, int rm) {
        return fmaD(a ^ D_SIGN, b, c, rm);
    }

    /** -(a*b) - c. */
    public long fnmaddD(long a, long b, long c, int rm) {
        return fmaD(a ^ D_SIGN, b, c ^ D_SIGN, rm);
    }

    private long fmaD(long a, long b, long c, int rm) {
        if (isNaN(a) || isNaN(b) || isNaN(c)) {
            // RISC-V raises NV for infinity times zero even when the addend is a quiet NaN.
            if (isSignalingNaN(a) || isSignalingNaN(b) || isSignalingNaN(c) || (isInf(a) && isZero(b))
                    || (isZero(a) && isInf(b))) {
                flags |= NV;
            }
            return CANONICAL_NAN_D;
        }
        return ExactArith.fma(this, a, b, c, rm, false);
    }

    // ---------------------------------------------------------------- double precision non-arithmetic

    /** fmin.d: -0 below +0; a single NaN operand yields the other; NV on a signaling NaN. */
    public long minD(long a, long b) {
        if (isNaN(a) || isNaN(b)) {
            return nanMinMaxD(a, b);
        }
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        return x < y || (x == y && a < 0) ? a : b;
    }

    /** fmax.d: +0 above -0; a single NaN operand yields the other; NV on a signaling NaN. */
    public long maxD(long a, long b) {
        if (isNaN(a) || isNaN(b)) {
            return nanMinMaxD(a, b);
        }
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        return x > y || (x == y && a >= 0) ? a : b;
    }

    private long nanMinMaxD(long a, long b) {
        if (isSignalingNaN(a) || isSignalingNaN(b)) {
            flags |= NV;
        }
        if (isNaN(a)) {
            return isNaN(b) ? CANONICAL_NAN_D : b;
        }
        return a;
    }

    /** feq.d: a quiet comparison, NV only for a signaling NaN. */
    public boolean eqD(long a, long b) {
        if (Double.longBitsToDouble(a) == Double.longBitsToDouble(b)) {
            return true;
        }
        if (isSignalingNaN(a) || isSignalingNaN(b)) {
            flags |= NV;
        }
        return false;
    }

    /** flt.d: signals NV for any NaN. */
    public boolean ltD(long a, long b) {
        if (Double.longBitsToDouble(a) < Double.longBitsToDouble(b)) {
            return true;
        }
        if (isNaN(a) || isNaN(b)) {
            flags |= NV;
        }
        return false;
    }

    /** fle.d: signals NV for any NaN. */
    public boolean leD(long a, long b) {
        if (Double.longBitsToDouble(a) <= Double.longBitsToDouble(b)) {
            return true;
        }
        if (isNaN(a) || isNaN(b)) {
            flags |= NV;
        }
        return false;
    }

    /** fclass.d: the 10-bit class mask. */
    public static int classD(long a) {
        return FpBits.classify(a);
    }

    public static long sgnjD(long a, long b) {
        return (a & D_MAG) | (b & D_SIGN);
    }

    public static long sgnjnD(long a, long b) {
        return (a & D_MAG) | (~b & D_SIGN);
    }

    public static long sgnjxD(long a, long b) {
        return a ^ (b & D_SIGN);
    }

    // ---------------------------------------------------------------- double precision conversions

    /** fcvt.w.d: the sign-extended 32-bit result. */
    public long cvtWD(long a, int rm) {
        return Conversions.toInteger(this, a, Conversions.W, rm);
    }

    /** fcvt.wu.d: the 32-bit result sign-extended, as RV64 writes it. */
    public long cvtWUD(long a, int rm) {
        return Conversions.toInteger(this, a, Conversions.WU, rm);
    }

    public long cvtLD(long a, int rm) {
        return Conversions.toInteger(this, a, Conversions.L, rm);
    }

    public long cvtLUD(long a, int rm) {
        return Conversions.toInteger(this, a, Conversions.LU, rm);
    }

    /** fcvt.d.w from an integer register (its low 32 bits, signed); always exact. */
    public long cvtDW(long x, int rm) {
        return Double.doubleToRawLongBits((int) x);
    }

    /** fcvt.d.wu from an integer register (its low 32 bits, unsigned); always exact. */
    public long cvtDWU(long x, int rm) {
        return Double.doubleToRawLongBits(x & 0xffff_ffffL);
    }

    public long cvtDL(long x, int rm) {
        if (x << 10 >> 10 == x) {
            return Double.doubleToRawLongBits(x); // |x| <= 2^53: exact
        }
        return Conversions.fromInteger(this, x, false, rm, false);
    }

    public long cvtDLU(long x, int rm) {
        if (x >>> 53 == 0) {
            return Double.doubleToRawLongBits(x);
        }
        return Conversions.fromInteger(this, x, true, rm, false);
    }

    /** fcvt.s.d. */
    public int cvtSD(long a, int rm) {
        if (rm == RNE) {
            double x = Double.longBitsToDouble(a);
            float f = (float) x;
            float af = Math.abs(f);
            if (af > Float.MIN_NORMAL && af <= Float.MAX_VALUE) {
                if (f != x) {
                    flags |= NX;
                }
                return Float.floatToRawIntBits(f);
            }
        }
        if (isNaN(a)) {
            if (isSignalingNaN(a)) {
                flags |= NV;
            }
            return CANONICAL_NAN_S;
        }
        return Conversions.narrow(this, a, rm);
    }

    /** fcvt.d.s: exact except that a NaN becomes the canonical NaN (NV if it was signaling). */
    public long cvtDS(int a) {
        if (isNaN(a)) {
            if (isSignalingNaN(a)) {
                flags |= NV;
            }
            return CANONICAL_NAN_D;
        }
        return widen(a);
    }

    // ---------------------------------------------------------------- single precision arithmetic
    // Through binary64: sums, products, quotients and square roots of singles rounded first to nearest double
    // and then to single are correctly rounded (53 >= 2*24 + 2), and products of singles are exact in double.

    public int addS(int a, int b, int rm) {
        if (rm == RNE) {
            double x = Float.intBitsToFloat(a);
            double y = Float.intBitsToFloat(b);
            double s = x + y;
            float f = (float) s;
            if (Math.abs(f) <= Float.MAX_VALUE) {
                // Exact sums of singles below 2^-126 are representable, so a tiny sum is never inexact.
                double bv = s - x;
                if ((x - (s - bv)) + (y - bv) != 0 || f != s) {
                    flags |= NX;
                }
                return Float.floatToRawIntBits(f);
            }
        }
        if (isNaN(a) || isNaN(b)) {
            return nanResultS(a, b, a);
        }
        return (int) ExactArith.add(this, widen(a), widen(b), rm, true);
    }

    public int subS(int a, int b, int rm) {
        return addS(a, b ^ S_SIGN, rm);
    }

    public int mulS(int a, int b, int rm) {
        if (rm == RNE) {
            double p = (double) Float.intBitsToFloat(a) * Float.intBitsToFloat(b);
            float f = (float) p;
            float af = Math.abs(f);
            if (af > Float.MIN_NORMAL && af <= Float.MAX_VALUE) {
                if (f != p) {
                    flags |= NX;
                }
                return Float.floatToRawIntBits(f);
            }
        }
        if (isNaN(a) || isNaN(b)) {
            return nanResultS(a, b, a);
        }
        return (int) ExactArith.mul(this, widen(a), widen(b), rm, true);
    }

    public int divS(int a, int b, int rm) {
        if (rm == RNE) {
            double x = Float.intBitsToFloat(a);
            double y = Float.intBitsToFloat(b);
            float f = (float) (x / y);
            float af = Math.abs(f);
            if (af > Float.MIN_NORMAL && af <= Float.MAX_VALUE) {
                if (f * y != x) { // f*y is exact in double
                    flags |= NX;
                }
                return Float.floatToRawIntBits(f);
            }
        }
        if (isNaN(a) || isNaN(b)) {
            return nanResultS(a, b, a);
        }
        return (int) ExactArith.div(this, widen(a), widen(b), rm, true);
    }

    public int sqrtS(int a, int rm) {
        if (rm == RNE && a > 0 && a < S_INF) {
            double x = Float.intBitsToFloat(a);
            float f = (float) Math.sqrt(x);
            if ((double) f * f != x) {
                flags |= NX;
            }
            return Float.floatToRawIntBits(f);
        }
        if (isNaN(a)) {
            return nanResultS(a, a, a);
        }
        return (int) ExactArith.sqrt(this, widen(a), rm, true);
    }

    public int fmaddS(int a, int b, int c, int rm) {
        return fmaS(a, b, c, rm);
    }

    public int fmsubS(int a, int b, int c, int rm) {
        return fmaS(a, b, c ^ S_SIGN, rm);
    }

    /** -(a*b) + c. */
    public int fnmsubS(int a, int b, int c, int rm) {
        return fmaS(a ^ S_SIGN, b, c, rm);
    }

    /** -(a*b) - c. */
    public int fnmaddS(int a, int b, int c, int rm) {
        return fmaS(a ^ S_SIGN, b, c ^ S_SIGN, rm);
    }

    private int fmaS(int a, int b, int c, int rm) {
        if (rm == RNE) {
            double p = (double) Float.intBitsToFloat(a) * Float.intBitsToFloat(b); // exact
            double z = Float.intBitsToFloat(c);
            double s = p + z;
            if (s == 0) {
                // p + z == 0 exactly (no double underflow for these magnitudes); Java's sign is RNE's.
                return Float.floatToRawIntBits((float) s);
            }
            // Round to odd in double (s corrected by the TwoSum error), then to single: one correct rounding.
            double bv = s - p;
            double err = (p - (s - bv)) + (z - bv);
            long sBits = Double.doubleToRawLongBits(s);
            if (err != 0 && (sBits & 1) == 0) {
                sBits += (err > 0) == (s > 0) ? 1 : -1;
            }
            double odd = Double.longBitsToDouble(sBits);
            float f = (float) odd;
            float af = Math.abs(f);
            if (af > Float.MIN_NORMAL && af <= Float.MAX_VALUE) {
                if (f != odd) {
                    flags |= NX;
                }
                return Float.floatToRawIntBits(f);
            }
        }
        if (isNaN(a) || isNaN(b) || isNaN(c)) {
            if (isSignalingNaN(a) || isSignalingNaN(b) || isSignalingNaN(c)
                    || ((a & S_MAG) == S_INF && (b & S_MAG) == 0) || ((a & S_MAG) == 0 && (b & S_MAG) == S_INF)) {
                flags |= NV;
            }
            return CANONICAL_NAN_S;
        }
        return (int) ExactArith.fma(this, widen(a), widen(b), widen(c), rm, true);
    }

    // ---------------------------------------------------------------- single precision non-arithmetic

    public int minS(int a, int b) {
        if (isNaN(a) || isNaN(b)) {
            return nanMinMaxS(a, b);
        }
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        return x < y || (x == y && a < 0) ? a : b;
    }

    public int maxS(int a, int b) {
        if (isNaN(a) || isNaN(b)) {
            return nanMinMaxS(a, b);
        }
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        return x > y || (x == y && a >= 0) ? a : b;
    }

    private int nanMinMaxS(int a, int b) {
        if (isSignalingNaN(a) || isSignalingNaN(b)) {
            flags |= NV;
        }
        if (isNaN(a)) {
            return isNaN(b) ? CANONICAL_NAN_S : b;
        }
        return a;
    }

    public boolean eqS(int a, int b) {
        if (Float.intBitsToFloat(a) == Float.intBitsToFloat(b)) {
            return true;
        }
        if (isSignalingNaN(a) || isSignalingNaN(b)) {
            flags |= NV;
        }
        return false;
    }

    public boolean ltS(int a, int b) {
        if (Float.intBitsToFloat(a) < Float.intBitsToFloat(b)) {
            return true;
        }
        if (isNaN(a) || isNaN(b)) {
            flags |= NV;
        }
        return false;
    }

    public boolean leS(int a, int b) {
        if (Float.intBitsToFloat(a) <= Float.intBitsToFloat(b)) {
            return true;
        }
        if (isNaN(a) || isNaN(b)) {
            flags |= NV;
        }
        return false;
    }

    public static int classS(int a) {
        return FpBits.classify(a);
    }

    public static int sgnjS(int a, int b) {
        return (a & S_MAG) | (b & S_SIGN);
    }

    public static int sgnjnS(int a, int b) {
        return (a & S_MAG) | (~b & S_SIGN);
    }

    public static int sgnjxS(int a, int b) {
        return a ^ (b & S_SIGN);
    }

    // ---------------------------------------------------------------- single precision conversions

    public long cvtWS(int a, int rm) {
        return Conversions.toInteger(this, widen(a), Conversions.W, rm);
    }

    public long cvtWUS(int a, int rm) {
        return Conversions.toInteger(this, widen(a), Conversions.WU, rm);
    }

    public long cvtLS(int a, int rm) {
        return Conversions.toInteger(this, widen(a), Conversions.L, rm);
    }

    public long cvtLUS(int a, int rm) {
        return Conversions.toInteger(this, widen(a), Conversions.LU, rm);
    }

    /** fcvt.s.w from an integer register (its low 32 bits, signed). */
    public int cvtSW(long x, int rm) {
        int w = (int) x;
        if (w << 7 >> 7 == w) {
            return Float.floatToRawIntBits(w); // |w| <= 2^24: exact
        }
        return (int) Conversions.fromInteger(this, w, false, rm, true);
    }

    /** fcvt.s.wu from an integer register (its low 32 bits, unsigned). */
    public int cvtSWU(long x, int rm) {
        long v = x & 0xffff_ffffL;
        if (v >>> 24 == 0) {
            return Float.floatToRawIntBits(v);
        }
        return (int) Conversions.fromInteger(this, v, true, rm, true);
    }

    public int cvtSL(long x, int rm) {
        if (x << 39 >> 39 == x) {
            return Float.floatToRawIntBits(x);
        }
        return (int) Conversions.fromInteger(this, x, false, rm, true);
    }

    public int cvtSLU(long x, int rm) {
        if (x >>> 24 == 0) {
            return Float.floatToRawIntBits(x);
        }
        return (int) Conversions.fromInteger(this, x, true, rm, true);
    }

    // ---------------------------------------------------------------- NaN boxing

    /** The single held by a register: its low half if the upper half is all ones, else the canonical NaN. */
    public static int unboxS(long register) {
        return (register & BOX) == BOX ? (int) register : CANONICAL_NAN_S;
    }

    /** A single NaN-boxed into a 64-bit register value. */
    public static long boxS(int bits) {
        return BOX | (bits & 0xffff_ffffL);
    }

    // ---------------------------------------------------------------- helpers

    private long nanResultD(long a, long b) {
        if (isSignalingNaN(a) || isSignalingNaN(b)) {
            flags |= NV;
        }
        return CANONICAL_NAN_D;
    }

    private int nanResultS(int a, int b, int c) {
        if (isSignalingNaN(a) || isSignalingNaN(b) || isSignalingNaN(c)) {
            flags |= NV;
        }
        return CANONICAL_NAN_S;
    }

    /** Whether a*b, already known to round to the normal double p, is exact (a, b finite and nonzero). */
    private static boolean exactProduct(long a, long b, double p) {
        // With integer significands sa, sb the product has bitLength(sa*sb) significant positions and
        // tz(sa)+tz(sb) trailing zeros; it fits in 53 bits iff the zeros cover all but 53 of them. The exponent
        // of p stands in for the product's: it is one too large only after a carry, which is inexact anyway.
        int ea = Math.max(exponent(a), 1);
        int eb = Math.max(exponent(b), 1);
        int zeros = Long.numberOfTrailingZeros(significandBits(a)) + Long.numberOfTrailingZeros(significandBits(b));
        return zeros >= Math.getExponent(p) - ea - eb + 2098;
    }

    /** Whether a/b, known to round to the normal double q, is exact: q*b == a, compared by odd parts. */
    private static boolean exactQuotient(long a, long b, long qBits) {
        long oq = oddPart((qBits & D_FRAC) | D_IMPLICIT);
        long ob = oddPart(significandBits(b));
        return oq * ob == oddPart(significandBits(a)) && Math.multiplyHigh(oq, ob) == 0;
    }

    /** The integer significand of a finite double (implicit bit included for normals). */
    private static long significandBits(long d) {
        return (d & D_FRAC) | (exponent(d) != 0 ? D_IMPLICIT : 0);
    }

    private static long oddPart(long v) {
        return v >>> Long.numberOfTrailingZeros(v);
    }
}
