package dev.guestbench.vmm.cpu.fp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of interesting operand bit patterns for one IEEE format (binary64 or binary32): special
 * values, random bits, structured significands (runs of ones, sparse, short) over the whole exponent range,
 * and values placed relative to others (nearby exponents, halfway points, edges of the range).
 * Values are raw bits; singles are in the low 32 bits, not yet NaN-boxed.
 */
final class FpValues {

    final boolean single;
    final int precision;
    final int fracBits;
    final int bias;
    final int maxExp;
    final long signBit;
    final long fracMask;
    private final SplittableRandom rnd;
    private final long[] specials;

    FpValues(boolean single, long seed) {
        this.single = single;
        this.precision = single ? 24 : 53;
        this.fracBits = precision - 1;
        this.bias = single ? 127 : 1023;
        this.maxExp = single ? 0xff : 0x7ff;
        this.signBit = 1L << (single ? 31 : 63);
        this.fracMask = (1L << fracBits) - 1;
        this.rnd = new SplittableRandom(seed);
        this.specials = buildSpecials();
    }

    SplittableRandom random() {
        return rnd;
    }

    long make(boolean neg, int biasedExp, long frac) {
        return (neg ? signBit : 0) | ((long) biasedExp << fracBits) | (frac & fracMask);
    }

    int exponentOf(long bits) {
        return (int) (bits >>> fracBits) & maxExp;
    }

    boolean isNaN(long bits) {
        return exponentOf(bits) == maxExp && (bits & fracMask) != 0;
    }

    /** A value of the format as a Java double (exact for both formats). */
    double toDouble(long bits) {
        return single ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    }

    /** The format's bits of a double that the caller knows to be representable (or wants rounded to nearest). */
    long fromDouble(double d) {
        return single ? Float.floatToRawIntBits((float) d) & 0xffff_ffffL : Double.doubleToRawLongBits(d);
    }

    long negate(long bits) {
        return bits ^ signBit;
    }

    /** One step up or down in magnitude, on the raw encoding (crosses binades and the normal/subnormal edge). */
    long step(long bits, int steps) {
        long mag = (bits & ~signBit) + steps;
        long maxMag = ((long) maxExp << fracBits) | fracMask;
        if (mag < 0 || mag > maxMag) {
            return bits;
        }
        return (bits & signBit) | mag;
    }

    List<Long> specials() {
        List<Long> list = new ArrayList<>();
        for (long s : specials) {
            list.add(s);
        }
        return list;
    }

    private long[] buildSpecials() {
        long q = 1L << (fracBits - 1);
        List<Long> s = new ArrayList<>();
        for (boolean neg : new boolean[] {false, true}) {
            s.add(make(neg, 0, 0));                        // zero
            s.add(make(neg, 0, 1));                        // smallest subnormal
            s.add(make(neg, 0, 2));
            s.add(make(neg, 0, fracMask));                 // largest subnormal
            s.add(make(neg, 0, q));                        // half the smallest normal
            s.add(make(neg, 1, 0));                        // smallest normal
            s.add(make(neg, 1, 1));
            s.add(make(neg, 2, 0));
            s.add(make(neg, bias, 0));                     // 1
            s.add(make(neg, bias, 1));                     // 1 + ulp
            s.add(make(neg, bias - 1, fracMask));          // 1 - ulp/2
            s.add(make(neg, bias, q));                     // 1.5
            s.add(make(neg, bias + 1, 0));                 // 2
            s.add(make(neg, bias + 1, q));                 // 3
            s.add(make(neg, bias - 1, 0));                 // 0.5
            s.add(make(neg, bias, fracMask));              // 2 - ulp
            s.add(make(neg, maxExp - 1, fracMask));        // largest finite
            s.add(make(neg, maxExp - 1, fracMask - 1));
            s.add(make(neg, maxExp - 1, 0));               // largest power of two
            s.add(make(neg, maxExp, 0));                   // infinity
            s.add(make(neg, maxExp, q));                   // quiet NaN (canonical when positive)
            s.add(make(neg, maxExp, q | 0x15));            // quiet NaN with payload
            s.add(make(neg, maxExp, 1));                   // signaling NaN
            s.add(make(neg, maxExp, fracMask >>> 1));      // signaling NaN, full payload
            s.add(make(neg, bias + precision - 1, 0));     // 2^(p-1): ulp 1
            s.add(make(neg, bias + precision, 1));         // integers where ulp is 2
            s.add(make(neg, bias + 31, 0));                // 2^31
            s.add(make(neg, bias + 30, fracMask));         // just below 2^31
            s.add(make(neg, bias + 32, 0));                // 2^32
            s.add(make(neg, bias + 63, 0));                // 2^63
            s.add(make(neg, bias + 62, fracMask));
            s.add(make(neg, bias + 64, 0));                // 2^64
            s.add(make(neg, bias - 2, 0));                 // 0.25
            s.add(make(neg, bias + 1, 1L << (fracBits - 2))); // 2.5
        }
        long[] out = new long[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i);
        }
        return out;
    }

    long special() {
        return specials[rnd.nextInt(specials.length)];
    }

    /** A structured significand (fraction field) that makes carries, ties and sticky bits likely. */
    long fraction() {
        switch (rnd.nextInt(8)) {
            case 0, 1:
                return rnd.nextLong() & fracMask;
            case 2: {
                // A few set bits.
                long f = 0;
                for (int i = rnd.nextInt(1, 4); i > 0; i--) {
                    f |= 1L << rnd.nextInt(fracBits);
                }
                return rnd.nextBoolean() ? f : ~f & fracMask;
            }
            case 3: {
                // Runs of ones and zeros.
                long f = rnd.nextBoolean() ? fracMask : 0;
                for (int i = rnd.nextInt(1, 4); i > 0; i--) {
                    int lo = rnd.nextInt(fracBits);
                    int hi = rnd.nextInt(lo, fracBits) + 1;
                    f ^= ((1L << (hi - lo)) - 1) << lo;
                }
                return f & fracMask;
            }
            case 4: {
                // A short significand: only the top bits random.
                int keep = rnd.nextInt(fracBits + 1);
                return keep == 0 ? 0 : (rnd.nextLong() & fracMask) >>> (fracBits - keep) << (fracBits - keep);
            }
            case 5:
                return rnd.nextInt(4) == 0 ? fracMask - rnd.nextInt(3) : rnd.nextInt(3);
            default:
                return rnd.nextLong() & fracMask;
        }
    }

    /** A biased exponent, uniform over the range or near its interesting points. */
    int exponent() {
        switch (rnd.nextInt(6)) {
            case 0:
                return rnd.nextInt(0, maxExp);
            case 1:
                return bias + rnd.nextInt(-precision - 4, precision + 4);
            case 2:
                return rnd.nextInt(0, precision + 3); // subnormal and barely normal
            case 3:
                return maxExp - 1 - rnd.nextInt(precision + 3);
            default:
                return bias + rnd.nextInt(-80, 81);
        }
    }

    /** A random interesting value (any class, finite values over the whole range). */
    long value() {
        int k = rnd.nextInt(20);
        if (k < 3) {
            return special();
        }
        if (k < 5) {
            long bits = rnd.nextLong();
            return single ? bits & 0xffff_ffffL : bits;
        }
        return make(rnd.nextBoolean(), exponent(), fraction());
    }

    /** A finite nonzero value with a random structured significand and exponent near {@code biasedExp}. */
    long near(int biasedExp, int spread) {
        int e = biasedExp + rnd.nextInt(-spread, spread + 1);
        e = Math.max(0, Math.min(maxExp - 1, e));
        long f = fraction();
        if (e == 0 && f == 0) {
            f = 1;
        }
        return make(rnd.nextBoolean(), e, f);
    }

    /** A finite value of the given sign with a biased exponent clamped to the finite range. */
    long finite(boolean neg, int biasedExp) {
        int e = Math.max(0, Math.min(maxExp - 1, biasedExp));
        long f = fraction();
        if (e == 0 && f == 0) {
            f = 1;
        }
        return make(neg, e, f);
    }

    /** An odd integer of exactly {@code bits} bits (1..precision). */
    long oddInteger(int bits) {
        if (bits <= 1) {
            return 1;
        }
        return (1L << (bits - 1)) | (rnd.nextLong() & ((1L << (bits - 1)) - 1)) | 1;
    }

    /** m * 2^e as bits; m must fit the precision and the result must be in range. */
    long scaled(long m, int e) {
        return fromDouble(Math.scalb((double) m, e));
    }

    /** The unbiased exponent of the leading bit of a finite nonzero value (subnormals included). */
    int leadingExponent(long bits) {
        int e = exponentOf(bits);
        long f = bits & fracMask;
        if (e != 0) {
            return e - bias;
        }
        return 1 - bias - fracBits + (63 - Long.numberOfLeadingZeros(f));
    }
}
