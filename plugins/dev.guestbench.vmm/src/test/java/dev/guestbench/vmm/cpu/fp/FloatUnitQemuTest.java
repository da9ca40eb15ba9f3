package dev.guestbench.vmm.cpu.fp;

import org.junit.jupiter.api.Test;

/**
 * FloatUnit against QEMU's RISC-V F and D implementation: results and fflags of every operation in every
 * rounding mode, for special values and seeded random vectors aimed at the hard cases. Needs
 * qemu-system-misc and binutils-riscv64-unknown-elf; fails (never skips) without them.
 */
class FloatUnitQemuTest {

    private static final long SEED = 0x5eed_f10a7L;

    @Test
    void doubleArithmetic() {
        QemuFpOracle.assertAgrees("double-arithmetic", sets(false, 1).arithmetic(12_000));
    }

    @Test
    void doubleFusedMultiplyAdd() {
        QemuFpOracle.assertAgrees("double-fma", sets(false, 2).fusedMultiplyAdd(2000, 10_000));
    }

    @Test
    void doubleConversions() {
        QemuFpOracle.assertAgrees("double-conversions", sets(false, 3).conversions(6000));
    }

    @Test
    void doubleComparisonsMinMaxClassAndSignInjection() {
        QemuFpOracle.assertAgrees("double-compare", sets(false, 4).nonArithmetic(6000));
    }

    @Test
    void singleArithmetic() {
        QemuFpOracle.assertAgrees("single-arithmetic", sets(true, 5).arithmetic(12_000));
    }

    @Test
    void singleFusedMultiplyAdd() {
        QemuFpOracle.assertAgrees("single-fma", sets(true, 6).fusedMultiplyAdd(2000, 10_000));
    }

    @Test
    void singleConversions() {
        QemuFpOracle.assertAgrees("single-conversions", sets(true, 7).conversions(6000));
    }

    @Test
    void singleComparisonsMinMaxClassAndSignInjection() {
        QemuFpOracle.assertAgrees("single-compare", sets(true, 8).nonArithmetic(6000));
    }

    @Test
    void singleOperandsThatAreNotNaNBoxedReadAsTheCanonicalNaN() {
        QemuFpOracle.assertAgrees("nan-boxing", sets(true, 9).nanBoxing(600));
    }

    private static FpVectorSets sets(boolean single, int family) {
        // Single-precision families also read a few improperly boxed registers along the way.
        return new FpVectorSets(single, SEED * 31 + family, single ? 0.01 : 0);
    }
}
