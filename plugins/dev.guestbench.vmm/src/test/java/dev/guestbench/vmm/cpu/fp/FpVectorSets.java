package dev.guestbench.vmm.cpu.fp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.guestbench.vmm.cpu.fp.QemuFpOracle.Vector;

/**
 * Builds the test vectors of each operation family for one format: every pair of special values, then
 * seeded random operands chosen by strategies aimed at each operation's hard cases (halfway results,
 * cancellation, the edges of the exponent range, exact and near-exact quotients and roots, integer limits).
 */
final class FpVectorSets {

    private final FpValues v;
    private final SplittableRandom rnd;
    private final boolean single;
    /** Probability (per operand of a single operation) that the register is not properly NaN-boxed. */
    private final double unboxedRate;

    FpVectorSets(boolean single, long seed, double unboxedRate) {
        this.v = new FpValues(single, seed);
        this.rnd = v.random();
        this.single = single;
        this.unboxedRate = unboxedRate;
    }

    // ---------------------------------------------------------------- arithmetic

    List<Vector> arithmetic(int randomPerOpAndMode) {
        List<Vector> out = new ArrayList<>();
        FpOp[] binary = single ? new FpOp[] {FpOp.FADD_S, FpOp.FSUB_S, FpOp.FMUL_S, FpOp.FDIV_S}
                : new FpOp[] {FpOp.FADD_D, FpOp.FSUB_D, FpOp.FMUL_D, FpOp.FDIV_D};
        FpOp sqrt = single ? FpOp.FSQRT_S : FpOp.FSQRT_D;
        List<Long> specials = v.specials();
        for (int rm = 0; rm < 5; rm++) {
            for (FpOp op : binary) {
                for (long a : specials) {
                    for (long b : specials) {
                        out.add(vector(op, rm, a, b, 0));
                    }
                }
                for (int i = 0; i < randomPerOpAndMode; i++) {
                    long a;
                    long b;
                    if (op == FpOp.FMUL_D || op == FpOp.FMUL_S) {
                        long[] p = productPair();
                        a = p[0];
                        b = p[1];
                    } else if (op == FpOp.FDIV_D || op == FpOp.FDIV_S) {
                        long[] p = quotientPair();
                        a = p[0];
                        b = p[1];
                    } else {
                        long[] p = sumPair();
                        a = p[0];
                        b = p[1];
                    }
                    out.add(vector(op, rm, a, b, 0));
                }
            }
            for (long a : specials) {
                out.add(vector(sqrt, rm, a, 0, 0));
            }
            for (int i = 0; i < randomPerOpAndMode; i++) {
                out.add(vector(sqrt, rm, rootOperand(), 0, 0));
            }
        }
        return out;
    }

    private long[] generalPair() {
        long a = v.value();
        return switch (rnd.nextInt(3)) {
            case 0 -> new long[] {a, v.value()};
            case 1 -> new long[] {a, v.near(v.exponentOf(a), 2)};
            default -> new long[] {a, v.near(v.exponentOf(a), v.precision + 3)};
        };
    }

    private long[] sumPair() {
        switch (rnd.nextInt(8)) {
            case 0, 1, 2:
                return generalPair();
            case 3: {
                // b = (k + 1/2) ulp(a), possibly nudged: the sum lands on or beside a halfway point.
                long a = v.finite(rnd.nextBoolean(), v.exponent());
                double x = v.toDouble(a);
                double ulp = single ? Math.ulp((float) x) : Math.ulp(x);
                long b = v.fromDouble(ulp * (rnd.nextInt(4) + 0.5) * (rnd.nextBoolean() ? 1 : -1));
                if (rnd.nextBoolean()) {
                    b = v.step(b, rnd.nextBoolean() ? 1 : -1);
                }
                return new long[] {a, b};
            }
            case 4: {
                // Near cancellation: exact small differences, exact zeros and their signs.
                long a = v.value();
                return new long[] {a, v.step(v.negate(a), rnd.nextInt(-3, 4))};
            }
            case 5: {
                boolean neg = rnd.nextBoolean();
                return new long[] {v.finite(neg, v.maxExp - 1 - rnd.nextInt(2)), v.finite(neg, v.maxExp - 1
                        - rnd.nextInt(v.precision + 2))};
            }
            case 6:
                return new long[] {v.finite(rnd.nextBoolean(), rnd.nextInt(3)), v.finite(rnd.nextBoolean(),
                        rnd.nextInt(3))};
            default: {
                long a = v.value();
                return new long[] {a, v.step(a, rnd.nextInt(-2, 3))};
            }
        }
    }

    private long[] productPair() {
        switch (rnd.nextInt(7)) {
            case 0, 1:
                return generalPair();
            case 2, 3: {
                // Odd significands whose product has p+1 or p+2 bits: ties and near-ties after rounding,
                // placed in the normal range, at the underflow threshold, in the subnormals or near overflow.
                int l1 = rnd.nextInt(1, v.precision + 1);
                int l2 = Math.max(1, Math.min(v.precision, v.precision + rnd.nextInt(1, 3) - l1));
                long m1 = v.oddInteger(l1);
                long m2 = v.oddInteger(l2);
                int target = productTarget();
                int lead1 = factorExponent(target);
                int e1 = lead1 - (l1 - 1);
                int e2 = target - lead1 - (l2 - 1) - rnd.nextInt(2);
                long a = v.scaled(m1, e1);
                long b = v.scaled(m2, e2);
                return new long[] {rnd.nextBoolean() ? a : v.negate(a), rnd.nextBoolean() ? b : v.negate(b)};
            }
            case 4, 5: {
                // Random significands with the product's exponent at an edge of the range.
                int target = productTarget();
                int lead = factorExponent(target);
                long a = v.finite(rnd.nextBoolean(), lead + v.bias);
                int eb = target - lead + v.bias + rnd.nextInt(-1, 2);
                return new long[] {a, v.finite(rnd.nextBoolean(), eb)};
            }
            default: {
                long a = v.value();
                return new long[] {a, v.step(a, rnd.nextInt(-2, 3))};
            }
        }
    }

    /** A factor's unbiased exponent x such that x and target - x are both well inside the normal range. */
    private int factorExponent(int target) {
        int lo = Math.max(-v.bias + 2, target - v.bias + 2);
        int hi = Math.min(v.bias - 2, target + v.bias - 2);
        return lo >= hi ? lo : rnd.nextInt(lo, hi + 1);
    }

    /** A divisor's unbiased exponent x such that x and target + x are both well inside the normal range. */
    private int divisorExponent(int target) {
        int lo = Math.max(-v.bias + 2, -v.bias + 2 - target);
        int hi = Math.min(v.bias - 2, v.bias - 2 - target);
        return lo >= hi ? lo : rnd.nextInt(lo, hi + 1);
    }

    /** An unbiased result exponent: ordinary, around the smallest normal, subnormal, or near overflow. */
    private int productTarget() {
        return switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextInt(-v.bias / 2, v.bias / 2);
            case 1 -> 1 - v.bias + rnd.nextInt(-2, 2);
            case 2 -> 1 - v.bias - rnd.nextInt(1, v.precision + 2);
            default -> v.bias - rnd.nextInt(0, 2);
        };
    }

    private long[] quotientPair() {
        switch (rnd.nextInt(6)) {
            case 0, 1:
                return generalPair();
            case 2: {
                // Exact quotients (a = q*b with short q and b), sometimes nudged off by one step.
                int lq = rnd.nextInt(1, v.precision);
                int lb = rnd.nextInt(1, v.precision - lq + 1);
                long q = v.oddInteger(lq);
                long b = v.oddInteger(lb);
                int target = productTarget();
                int eb = divisorExponent(target);
                long bb = v.scaled(b, eb - (lb - 1));
                long a = v.scaled(q * b, target + eb - (lq - 1) - (lb - 1));
                if (rnd.nextInt(3) == 0) {
                    a = v.step(a, rnd.nextBoolean() ? 1 : -1);
                }
                return new long[] {rnd.nextBoolean() ? a : v.negate(a), rnd.nextBoolean() ? bb : v.negate(bb)};
            }
            case 3, 4: {
                // Quotients at the edges of the range.
                int target = productTarget();
                int eb = divisorExponent(target);
                long b = v.finite(rnd.nextBoolean(), eb + v.bias);
                int ea = target + eb + v.bias + rnd.nextInt(-1, 2);
                return new long[] {v.finite(rnd.nextBoolean(), ea), b};
            }
            default: {
                long a = v.value();
                return new long[] {a, v.step(a, rnd.nextInt(-2, 3))};
            }
        }
    }

    private long rootOperand() {
        switch (rnd.nextInt(5)) {
            case 0:
                return v.value();
            case 1: {
                // Exact squares, sometimes one step off.
                int l = rnd.nextInt(1, (v.precision + 1) / 2 + 1);
                long r = v.oddInteger(l);
                int e = rnd.nextInt(-v.bias / 2 - v.precision / 2, v.bias / 2) - (l - 1);
                long a = v.scaled(r * r, 2 * e);
                return rnd.nextInt(3) == 0 ? v.step(a, rnd.nextBoolean() ? 1 : -1) : a;
            }
            case 2:
                return v.finite(false, rnd.nextInt(0, 3));
            default:
                return v.finite(rnd.nextInt(10) == 0, v.exponent());
        }
    }

    // ---------------------------------------------------------------- fused multiply-add

    List<Vector> fusedMultiplyAdd(int specialTriples, int randomPerOpAndMode) {
        List<Vector> out = new ArrayList<>();
        FpOp[] ops = single ? new FpOp[] {FpOp.FMADD_S, FpOp.FMSUB_S, FpOp.FNMSUB_S, FpOp.FNMADD_S}
                : new FpOp[] {FpOp.FMADD_D, FpOp.FMSUB_D, FpOp.FNMSUB_D, FpOp.FNMADD_D};
        for (int rm = 0; rm < 5; rm++) {
            for (FpOp op : ops) {
                for (int i = 0; i < specialTriples; i++) {
                    out.add(vector(op, rm, v.special(), v.special(), v.special()));
                }
                for (int i = 0; i < randomPerOpAndMode; i++) {
                    long[] t = fmaTriple();
                    out.add(vector(op, rm, t[0], t[1], t[2]));
                }
            }
        }
        return out;
    }

    private long[] fmaTriple() {
        long a;
        long b;
        if (rnd.nextInt(3) == 0) {
            long[] p = productPair();
            a = p[0];
            b = p[1];
        } else {
            a = v.value();
            b = rnd.nextBoolean() ? v.value() : v.near(v.exponentOf(a), 8);
        }
        int pe = (isFiniteNonzero(a) && isFiniteNonzero(b)) ? v.leadingExponent(a) + v.leadingExponent(b) : 0;
        long c = switch (rnd.nextInt(7)) {
            case 0 -> v.value();
            case 1 -> v.near(pe + v.bias, 3);
            case 2, 3 -> {
                // c = -round(a*b) nudged: the result is the product's rounding error or near it.
                double p = v.toDouble(a) * v.toDouble(b);
                long r = v.negate(v.fromDouble(p));
                yield v.step(r, rnd.nextInt(-3, 4));
            }
            case 4 -> v.near(pe + v.bias - v.precision - rnd.nextInt(0, 40), 2);
            case 5 -> v.near(pe + v.bias + v.precision + rnd.nextInt(0, 10), 2);
            default -> v.finite(rnd.nextBoolean(), rnd.nextInt(0, 3));
        };
        return new long[] {a, b, c};
    }

    private boolean isFiniteNonzero(long bits) {
        int e = v.exponentOf(bits);
        return e != v.maxExp && (e != 0 || (bits & v.fracMask) != 0);
    }

    // ---------------------------------------------------------------- conversions

    List<Vector> conversions(int randomPerOpAndMode) {
        List<Vector> out = new ArrayList<>();
        FpOp[] toInt = single ? new FpOp[] {FpOp.FCVT_W_S, FpOp.FCVT_WU_S, FpOp.FCVT_L_S, FpOp.FCVT_LU_S}
                : new FpOp[] {FpOp.FCVT_W_D, FpOp.FCVT_WU_D, FpOp.FCVT_L_D, FpOp.FCVT_LU_D};
        FpOp[] fromInt = single ? new FpOp[] {FpOp.FCVT_S_W, FpOp.FCVT_S_WU, FpOp.FCVT_S_L, FpOp.FCVT_S_LU}
                : new FpOp[] {FpOp.FCVT_D_W, FpOp.FCVT_D_WU, FpOp.FCVT_D_L, FpOp.FCVT_D_LU};
        for (int rm = 0; rm < 5; rm++) {
            for (FpOp op : toInt) {
                for (long a : v.specials()) {
                    out.add(vector(op, rm, a, 0, 0));
                }
                for (long a : integerBoundaryValues()) {
                    out.add(vector(op, rm, a, 0, 0));
                }
                for (int i = 0; i < randomPerOpAndMode; i++) {
                    long a = rnd.nextInt(3) == 0 ? v.value()
                            : v.finite(rnd.nextBoolean(), v.bias + rnd.nextInt(-3, 67));
                    out.add(vector(op, rm, a, 0, 0));
                }
            }
            for (FpOp op : fromInt) {
                for (int i = 0; i < randomPerOpAndMode; i++) {
                    out.add(new Vector(op, rm, integer(), 0, 0));
                }
            }
            if (!single) {
                FpValues s = new FpValues(true, rnd.nextLong());
                for (long a : v.specials()) {
                    out.add(vector(FpOp.FCVT_S_D, rm, a, 0, 0));
                }
                for (int i = 0; i < 2 * randomPerOpAndMode; i++) {
                    out.add(vector(FpOp.FCVT_S_D, rm, narrowingOperand(s), 0, 0));
                }
            }
        }
        if (single) {
            // fcvt.d.s reads a single and is exact: one mode is enough, the rest are random.
            for (long a : v.specials()) {
                out.add(vector(FpOp.FCVT_D_S, rnd.nextInt(5), a, 0, 0));
            }
            for (int i = 0; i < randomPerOpAndMode; i++) {
                out.add(vector(FpOp.FCVT_D_S, rnd.nextInt(5), v.value(), 0, 0));
            }
        }
        return out;
    }

    /** Values around the integer limits and around halves, in the format. */
    private List<Long> integerBoundaryValues() {
        List<Long> out = new ArrayList<>();
        double[] bases = {0, 1, 2, 3, 0x1p31 - 1, 0x1p31, 0x1p32 - 1, 0x1p32, 0x1p52, 0x1p53, 0x1p62, 0x1p63, 0x1p64};
        double[] offsets = {-1.5, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.5, 2.5};
        for (double base : bases) {
            for (double off : offsets) {
                for (int sign : new int[] {1, -1}) {
                    long bits = v.fromDouble(sign * (base + off));
                    out.add(bits);
                    out.add(v.step(bits, 1));
                    out.add(v.step(bits, -1));
                }
            }
        }
        return out;
    }

    /** A 64-bit integer register value: boundaries, runs of bits, halfway patterns for the format. */
    private long integer() {
        switch (rnd.nextInt(8)) {
            case 0:
                return rnd.nextLong();
            case 1: {
                long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL,
                    -0x8000_0000L, 1L << 24, (1L << 24) + 1, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1};
                long e = edges[rnd.nextInt(edges.length)];
                return rnd.nextBoolean() ? e : e + rnd.nextInt(-2, 3);
            }
            case 2, 3: {
                // m * 2^k plus a tail that is below, at or above half of the format's last place.
                int bits = rnd.nextInt(v.precision + 1, 65);
                int k = bits - v.precision;
                long m = (rnd.nextLong() >>> (64 - v.precision)) | (1L << (v.precision - 1));
                long half = 1L << (k - 1);
                long tail = switch (rnd.nextInt(4)) {
                    case 0 -> half;
                    case 1 -> half + (rnd.nextBoolean() ? 1 : -1);
                    case 2 -> 0;
                    default -> rnd.nextLong() & ((1L << k) - 1);
                };
                long x = (m << k) + tail;
                return rnd.nextBoolean() ? x : -x;
            }
            case 4: {
                // Upper half noise with a small low word: the 32-bit forms must ignore it.
                return (rnd.nextLong() << 32) | (rnd.nextInt() & 0xffff_ffffL) >>> rnd.nextInt(32);
            }
            default: {
                int len = rnd.nextInt(1, 65);
                long x = rnd.nextLong() >>> (64 - len);
                return rnd.nextBoolean() ? x : -x;
            }
        }
    }

    /** A double for fcvt.s.d: at, beside or halfway between singles, at single range edges, or anything. */
    private long narrowingOperand(FpValues s) {
        switch (rnd.nextInt(6)) {
            case 0:
                return v.value();
            case 1, 2: {
                long f = s.value();
                if (s.isNaN(f)) {
                    return v.value();
                }
                double d = Float.intBitsToFloat((int) f);
                long bits = Double.doubleToRawLongBits(d);
                return v.step(bits, rnd.nextInt(-3, 4));
            }
            case 3: {
                // Exactly halfway between two singles, or one double step away.
                long f = s.finite(rnd.nextBoolean(), s.exponent());
                float x = Float.intBitsToFloat((int) f);
                double mid = ((double) x + (double) Math.nextUp(Math.abs(x)) * Math.signum(x)) / 2;
                return v.step(Double.doubleToRawLongBits(mid), rnd.nextInt(-1, 2));
            }
            case 4:
                // Around the single overflow threshold.
                return v.finite(rnd.nextBoolean(), v.bias + 127 + rnd.nextInt(-1, 2));
            default:
                // Around and below the single underflow threshold.
                return v.finite(rnd.nextBoolean(), v.bias - 126 - rnd.nextInt(-2, 27));
        }
    }

    // ---------------------------------------------------------------- comparisons, min/max, class, sign

    List<Vector> nonArithmetic(int randomPerOp) {
        List<Vector> out = new ArrayList<>();
        FpOp[] ops = single
                ? new FpOp[] {FpOp.FMIN_S, FpOp.FMAX_S, FpOp.FEQ_S, FpOp.FLT_S, FpOp.FLE_S, FpOp.FCLASS_S,
                    FpOp.FSGNJ_S, FpOp.FSGNJN_S, FpOp.FSGNJX_S}
                : new FpOp[] {FpOp.FMIN_D, FpOp.FMAX_D, FpOp.FEQ_D, FpOp.FLT_D, FpOp.FLE_D, FpOp.FCLASS_D,
                    FpOp.FSGNJ_D, FpOp.FSGNJN_D, FpOp.FSGNJX_D};
        List<Long> specials = v.specials();
        for (FpOp op : ops) {
            for (long a : specials) {
                for (long b : specials) {
                    out.add(vector(op, rnd.nextInt(5), a, b, 0));
                }
            }
            for (int i = 0; i < randomPerOp; i++) {
                long a = v.value();
                long b = switch (rnd.nextInt(5)) {
                    case 0 -> a;
                    case 1 -> v.negate(a);
                    case 2 -> v.step(a, rnd.nextBoolean() ? 1 : -1);
                    case 3 -> v.near(v.exponentOf(a), 1);
                    default -> v.value();
                };
                out.add(vector(op, rnd.nextInt(5), a, b, 0));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- NaN boxing

    /** Every instruction that reads a single, with operands whose registers are not (all) properly boxed. */
    List<Vector> nanBoxing(int perOp) {
        List<Vector> out = new ArrayList<>();
        for (FpOp op : FpOp.values()) {
            if (!op.singleOperands()) {
                continue;
            }
            for (int i = 0; i < perOp; i++) {
                long[] r = {v.value(), v.value(), v.value()};
                long[] reg = new long[3];
                int unboxed = rnd.nextInt(1, 8);
                for (int k = 0; k < 3; k++) {
                    reg[k] = (unboxed & (1 << k)) != 0 ? unboxedRegister(r[k]) : FloatUnit.boxS((int) r[k]);
                }
                out.add(new Vector(op, rnd.nextInt(5), reg[0], reg[1], reg[2]));
            }
        }
        return out;
    }

    private long unboxedRegister(long bits) {
        long[] uppers = {0, 0xffff_fffeL, 0x7fff_ffffL, 0x7ff8_0000L, 0x8000_0000L, 0x0000_0001L,
            rnd.nextLong() >>> 32};
        long upper = uppers[rnd.nextInt(uppers.length)];
        if (upper == 0xffff_ffffL) {
            upper = 0;
        }
        return (upper << 32) | (bits & 0xffff_ffffL);
    }

    // ---------------------------------------------------------------- helpers

    /** A vector whose floating-point operands are placed in registers (singles boxed, rarely not). */
    private Vector vector(FpOp op, int rm, long a, long b, long c) {
        if (op.singleOperands()) {
            return new Vector(op, rm, register(a), register(b), register(c));
        }
        return new Vector(op, rm, a, b, c);
    }

    private long register(long bits) {
        if (unboxedRate > 0 && rnd.nextDouble() < unboxedRate) {
            return unboxedRegister(bits);
        }
        return FloatUnit.boxS((int) bits);
    }
}
