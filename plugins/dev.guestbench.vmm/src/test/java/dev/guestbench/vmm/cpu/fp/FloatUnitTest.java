package dev.guestbench.vmm.cpu.fp;

import static dev.guestbench.vmm.cpu.fp.FloatUnit.DZ;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.NV;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.NX;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.OF;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.RDN;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.RMM;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.RNE;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.RTZ;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.RUP;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.UF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-checked cases of the FloatUnit, runnable without QEMU; the exhaustive comparison is FloatUnitQemuTest. */
class FloatUnitTest {

    private static final long ONE = d(1.0);
    private static final long SNAN_D = 0x7ff0_0000_0000_0001L;
    private static final long QNAN_D = 0xfff8_0000_0000_0abcL;
    private static final int SNAN_S = 0x7f80_0001;
    private static final long CANONICAL_D = 0x7ff8_0000_0000_0000L;
    private static final int CANONICAL_S = 0x7fc0_0000;

    private final FloatUnit u = new FloatUnit();

    private static long d(double x) {
        return Double.doubleToRawLongBits(x);
    }

    private static int s(float x) {
        return Float.floatToRawIntBits(x);
    }

    /** Runs an operation from clear flags and checks result and flags. */
    private void check(long expected, int expectedFlags, java.util.function.LongSupplier op) {
        u.flags = 0;
        long got = op.getAsLong();
        assertEquals(Long.toHexString(expected), Long.toHexString(got), "result");
        assertEquals(QemuFpOracle.flags(expectedFlags), QemuFpOracle.flags(u.flags), "flags");
    }

    @Test
    void halfAnUlpAboveOneRoundsByMode() {
        long half = d(0x1p-53);
        check(ONE, NX, () -> u.addD(ONE, half, RNE));
        check(ONE, NX, () -> u.addD(ONE, half, RTZ));
        check(ONE, NX, () -> u.addD(ONE, half, RDN));
        check(ONE + 1, NX, () -> u.addD(ONE, half, RUP));
        check(ONE + 1, NX, () -> u.addD(ONE, half, RMM));
        // Ties to even go up from an odd significand.
        check(ONE + 2, NX, () -> u.addD(ONE + 1, half, RNE));
        check(d(0.30000000000000004), NX, () -> u.addD(d(0.1), d(0.2), RNE));
    }

    @Test
    void exactZeroSumsArePositiveExceptWhenRoundingDown() {
        check(0, 0, () -> u.subD(ONE, ONE, RNE));
        check(0x8000_0000_0000_0000L, 0, () -> u.subD(ONE, ONE, RDN));
        check(0x8000_0000_0000_0000L, 0, () -> u.addD(0x8000_0000_0000_0000L, 0x8000_0000_0000_0000L, RUP));
        check(0x8000_0000, 0, () -> u.subS(s(2f), s(2f), RDN));
    }

    @Test
    void tininessIsDetectedAfterRounding() {
        long minNormal = d(Double.MIN_NORMAL);
        long belowOne = d(1 - 0x1p-53);
        // MIN_NORMAL*(1-2^-53) rounds up to MIN_NORMAL, but with an unbounded exponent it would stay below it.
        check(minNormal, UF | NX, () -> u.mulD(minNormal, belowOne, RNE));
        // MIN_NORMAL*(1-2^-54) = MIN_NORMAL*(1+2^-27)*(1-2^-27) would round to MIN_NORMAL even with an
        // unbounded exponent (a tie, to even), so it is not tiny in RNE or RUP; rounding down it is.
        long above = d(Double.MIN_NORMAL * (1 + 0x1p-27));
        long below = d(1 - 0x1p-27);
        check(minNormal, NX, () -> u.mulD(above, below, RNE));
        check(minNormal, NX, () -> u.mulD(above, below, RUP));
        check(minNormal - 1, UF | NX, () -> u.mulD(above, below, RTZ));
        // Exact subnormal results raise nothing.
        check(d(0x1p-1070), 0, () -> u.mulD(minNormal, d(0x1p-48), RNE));
        check(1, UF | NX, () -> u.mulD(d(Double.MIN_VALUE), d(0.75), RNE));
        check(0, UF | NX, () -> u.mulD(d(Double.MIN_VALUE), d(0.5), RNE));
        check(1, UF | NX, () -> u.mulD(d(Double.MIN_VALUE), d(0.5), RMM));
    }

    @Test
    void overflowGoesToInfinityOrTheLargestFiniteByMode() {
        long max = d(Double.MAX_VALUE);
        long two = d(2.0);
        check(d(Double.POSITIVE_INFINITY), OF | NX, () -> u.mulD(max, two, RNE));
        check(max, OF | NX, () -> u.mulD(max, two, RTZ));
        check(max, OF | NX, () -> u.mulD(max, two, RDN));
        check(d(Double.NEGATIVE_INFINITY), OF | NX, () -> u.mulD(max, d(-2.0), RDN));
        check(d(-Double.MAX_VALUE), OF | NX, () -> u.mulD(max, d(-2.0), RUP));
        check(s(Float.POSITIVE_INFINITY), OF | NX, () -> u.cvtSD(d(1e39), RNE));
        check(s(Float.MAX_VALUE), OF | NX, () -> u.cvtSD(d(1e39), RTZ));
    }

    @Test
    void invalidOperationsGiveTheCanonicalNaN() {
        check(CANONICAL_D, NV, () -> u.sqrtD(d(-1.0), RNE));
        check(0x8000_0000_0000_0000L, 0, () -> u.sqrtD(0x8000_0000_0000_0000L, RNE));
        check(CANONICAL_D, NV, () -> u.divD(0, 0, RNE));
        check(d(Double.NEGATIVE_INFINITY), DZ, () -> u.divD(d(-1.0), 0, RNE));
        check(CANONICAL_D, NV, () -> u.addD(d(Double.POSITIVE_INFINITY), d(Double.NEGATIVE_INFINITY), RNE));
        check(CANONICAL_D, NV, () -> u.fmaddD(d(Double.POSITIVE_INFINITY), 0, QNAN_D, RNE));
        check(CANONICAL_D, 0, () -> u.fmaddD(QNAN_D, ONE, ONE, RNE));
        check(CANONICAL_D, NV, () -> u.mulD(SNAN_D, ONE, RNE));
        check(CANONICAL_D, 0, () -> u.addD(QNAN_D, ONE, RNE));
        check(CANONICAL_S, NV, () -> u.addS(SNAN_S, s(1f), RNE));
        check(CANONICAL_S, NV, () -> u.cvtSD(SNAN_D, RNE));
        check(CANONICAL_D, NV, () -> u.cvtDS(SNAN_S));
        check(CANONICAL_D, 0, () -> u.cvtDS(0xffc0_1234));
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        // (1+2^-52)(1-2^-52) - 1 = -2^-104 exactly.
        check(d(-0x1p-104), 0, () -> u.fmaddD(ONE + 1, d(1 - 0x1p-52), d(-1.0), RNE));
        // Single: exact 1 + 2^-23 + 2^-24 - 2^-60 lies just below a tie; through double it would become the tie
        // and round to even (1 + 2^-22), rounded once it is 1 + 2^-23.
        int a = s(0x1p-24f * (1 + 0x1p-18f));
        int b = s(1 - 0x1p-18f);
        int c = s(1 + 0x1p-23f);
        check(s(1 + 0x1p-23f), NX, () -> u.fmaddS(a, b, c, RNE));
        // The negated forms: fnmsub = -(a*b) + c, fnmadd = -(a*b) - c.
        check(d(-1.0), 0, () -> u.fnmsubD(d(2.0), d(3.0), d(5.0), RNE));
        check(d(-11.0), 0, () -> u.fnmaddD(d(2.0), d(3.0), d(5.0), RNE));
        check(d(1.0), 0, () -> u.fmsubD(d(2.0), d(3.0), d(5.0), RNE));
    }

    @Test
    void integerConversionsSaturate() {
        check(0x7fff_ffffL, NV, () -> u.cvtWD(QNAN_D, RNE));
        check(0xffff_ffff_8000_0000L, NV, () -> u.cvtWD(d(Double.NEGATIVE_INFINITY), RNE));
        check(0xffff_ffff_8000_0000L, 0, () -> u.cvtWD(d(-0x1p31), RTZ));
        check(0xffff_ffff_8000_0000L, NV, () -> u.cvtWD(d(-0x1p31 - 1), RTZ));
        check(-1L, 0, () -> u.cvtWUD(d(4294967295.0), RNE)); // sign-extended from bit 31
        check(-1L, NV, () -> u.cvtWUD(QNAN_D, RNE));
        check(0, NX, () -> u.cvtWUD(d(-0.5), RTZ));
        check(0, NV, () -> u.cvtWUD(d(-1.0), RTZ));
        check(0, NV, () -> u.cvtWUD(d(-0.75), RNE)); // rounds to -1 first
        check(Long.MAX_VALUE, NV, () -> u.cvtLD(d(0x1p63), RNE));
        check(Long.MIN_VALUE, 0, () -> u.cvtLD(d(-0x1p63), RNE));
        check(-1L, NV, () -> u.cvtLUD(SNAN_D, RNE));
        check(2, NX, () -> u.cvtLD(d(2.5), RNE));
        check(3, NX, () -> u.cvtLD(d(2.5), RMM));
        check(-3, NX, () -> u.cvtLD(d(-2.5), RDN));
        check(-2, NX, () -> u.cvtLD(d(-2.5), RUP));
        check(0x7fff_ffffL, NV, () -> u.cvtWS(CANONICAL_S, RNE));
    }

    @Test
    void integersToFloatingPoint() {
        check(d(-1.0), 0, () -> u.cvtDW(0x1234_5678_ffff_ffffL, RNE)); // low 32 bits only
        check(d(4294967295.0), 0, () -> u.cvtDWU(-1L, RNE));
        check(d(0x1p64), NX, () -> u.cvtDLU(-1L, RNE));
        check(d(0x1p64 - 0x1p11), NX, () -> u.cvtDLU(-1L, RTZ));
        check(d(-0x1p63), 0, () -> u.cvtDL(Long.MIN_VALUE, RNE));
        check(s(16777216f), NX, () -> u.cvtSW(16777217, RNE)); // tie to even
        check(s(16777218f), NX, () -> u.cvtSW(16777217, RUP));
        check(s(16777218f), NX, () -> u.cvtSW(16777217, RMM));
    }

    @Test
    void minMaxFollowTheRiscV22Rules() {
        long negZero = 0x8000_0000_0000_0000L;
        check(negZero, 0, () -> u.minD(0, negZero));
        check(0, 0, () -> u.maxD(negZero, 0));
        check(ONE, 0, () -> u.minD(QNAN_D, ONE));
        check(ONE, NV, () -> u.maxD(ONE, SNAN_D));
        check(CANONICAL_D, NV, () -> u.minD(SNAN_D, QNAN_D));
        check(CANONICAL_S, 0, () -> u.maxS(0x7fc0_0001, 0xffc0_0000));
    }

    @Test
    void comparisonsSignalOnlyWhereTheSpecSays() {
        u.flags = 0;
        assertFalse(u.eqD(QNAN_D, QNAN_D));
        assertEquals(0, u.flags);
        assertFalse(u.eqD(SNAN_D, ONE));
        assertEquals(NV, u.flags);
        u.flags = 0;
        assertFalse(u.ltD(QNAN_D, ONE));
        assertEquals(NV, u.flags);
        u.flags = 0;
        assertTrue(u.leD(0x8000_0000_0000_0000L, 0));
        assertTrue(u.eqS(0x8000_0000, 0));
        assertFalse(u.ltS(0x8000_0000, 0));
        assertEquals(0, u.flags);
    }

    @Test
    void classifiesEveryClass() {
        assertEquals(1 << 0, FloatUnit.classD(d(Double.NEGATIVE_INFINITY)));
        assertEquals(1 << 1, FloatUnit.classD(d(-1.0)));
        assertEquals(1 << 2, FloatUnit.classD(d(-Double.MIN_VALUE)));
        assertEquals(1 << 3, FloatUnit.classD(0x8000_0000_0000_0000L));
        assertEquals(1 << 4, FloatUnit.classD(0));
        assertEquals(1 << 5, FloatUnit.classD(d(Double.MIN_VALUE)));
        assertEquals(1 << 6, FloatUnit.classD(ONE));
        assertEquals(1 << 7, FloatUnit.classD(d(Double.POSITIVE_INFINITY)));
        assertEquals(1 << 8, FloatUnit.classD(SNAN_D));
        assertEquals(1 << 9, FloatUnit.classD(QNAN_D));
        assertEquals(1 << 8, FloatUnit.classS(SNAN_S));
        assertEquals(1 << 2, FloatUnit.classS(0x8000_0001));
    }

    @Test
    void nanBoxing() {
        assertEquals(0x3f80_0000, FloatUnit.unboxS(0xffff_ffff_3f80_0000L));
        assertEquals(CANONICAL_S, FloatUnit.unboxS(0x0000_0000_3f80_0000L));
        assertEquals(CANONICAL_S, FloatUnit.unboxS(0xffff_fffe_3f80_0000L));
        assertEquals(CANONICAL_S, FloatUnit.unboxS(ONE));
        assertEquals(0xffff_ffff_8000_0001L, FloatUnit.boxS(0x8000_0001));
    }

    @Test
    void signInjection() {
        assertEquals(d(-1.0), FloatUnit.sgnjD(ONE, d(-0.0)));
        assertEquals(d(-1.0), FloatUnit.sgnjnD(ONE, ONE));
        assertEquals(ONE, FloatUnit.sgnjxD(d(-1.0), d(-2.0)));
        assertEquals(SNAN_D | 0x8000_0000_0000_0000L, FloatUnit.sgnjnD(SNAN_D, 0)); // NaNs are not canonicalized
        assertEquals(s(-1f), FloatUnit.sgnjS(s(1f), s(-0f)));
        assertEquals(s(1f), FloatUnit.sgnjnS(s(1f), s(-3f)));
        assertEquals(s(-1f), FloatUnit.sgnjxS(s(-1f), s(3f)));
    }

    @Test
    void noInputBitsAndNoRoundingModeMakeItThrow() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        FpValues d = new FpValues(false, 1);
        FpValues f = new FpValues(true, 2);
        for (int i = 0; i < 100_000; i++) {
            for (FpOp op : FpOp.values()) {
                FpValues v = op.singleOperands() ? f : d;
                long a = rnd.nextInt(4) == 0 ? rnd.nextLong() : v.value();
                op.semantics.apply(u, a, v.value(), v.value(), rnd.nextInt(-3, 11));
            }
        }
        assertTrue((u.flags & ~31) == 0, "only the five flag bits are ever set");
    }

    @Test
    void flagsAccrue() {
        u.flags = 0;
        u.divD(ONE, 0, RNE);
        u.addD(ONE, d(0x1p-60), RNE);
        assertEquals(DZ | NX, u.flags);
    }
}
