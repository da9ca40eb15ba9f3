package dev.guestbench.vmm.cpu.fp;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * The host-arithmetic fast paths FloatUnit takes in round-to-nearest-even against its exact integer paths (which
 * FloatUnitQemuTest checks against QEMU in every mode), on far more seeded operands than QEMU runs. Operands
 * that are NaN are left out: both paths share the NaN handling.
 */
class FastPathCrossCheckTest {

    private static final int PER_OPERATION = 400_000;
    private static final int RNE = FloatUnit.RNE;

    /** One operation taken both ways. */
    private interface TwoWays {
        long fast(FloatUnit u, long a, long b, long c);

        long exact(FloatUnit u, long a, long b, long c);
    }

    @Test
    void doubleArithmetic() {
        FpValues v = new FpValues(false, 11);
        compare("fadd.d", v, 2, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.addD(a, b, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return ExactArith.add(u, a, b, RNE, false);
            }
        });
        compare("fmul.d", v, 2, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.mulD(a, b, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return ExactArith.mul(u, a, b, RNE, false);
            }
        });
        compare("fdiv.d", v, 2, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.divD(a, b, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return ExactArith.div(u, a, b, RNE, false);
            }
        });
        compare("fsqrt.d", v, 1, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.sqrtD(a, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return ExactArith.sqrt(u, a, RNE, false);
            }
        });
        compare("fcvt.s.d", v, 1, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.cvtSD(a, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return Conversions.narrow(u, a, RNE);
            }
        });
    }

    @Test
    void singleArithmetic() {
        FpValues v = new FpValues(true, 12);
        compare("fadd.s", v, 2, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.addS((int) a, (int) b, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return (int) ExactArith.add(u, FpBits.widen((int) a), FpBits.widen((int) b), RNE, true);
            }
        });
        compare("fmul.s", v, 2, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.mulS((int) a, (int) b, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return (int) ExactArith.mul(u, FpBits.widen((int) a), FpBits.widen((int) b), RNE, true);
            }
        });
        compare("fdiv.s", v, 2, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.divS((int) a, (int) b, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return (int) ExactArith.div(u, FpBits.widen((int) a), FpBits.widen((int) b), RNE, true);
            }
        });
        compare("fsqrt.s", v, 1, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.sqrtS((int) a, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return (int) ExactArith.sqrt(u, FpBits.widen((int) a), RNE, true);
            }
        });
        compare("fmadd.s", v, 3, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.fmaddS((int) a, (int) b, (int) c, RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return (int) ExactArith.fma(u, FpBits.widen((int) a), FpBits.widen((int) b), FpBits.widen((int) c),
                        RNE, true);
            }
        });
    }

    @Test
    void integerToFloatingPoint() {
        FpValues v = new FpValues(false, 13);
        compare("fcvt.d.l", v, 1, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.cvtDL(a >> (a & 63), RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return Conversions.fromInteger(u, a >> (a & 63), false, RNE, false);
            }
        });
        compare("fcvt.s.l", v, 1, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.cvtSL(a >> (a & 63), RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return (int) Conversions.fromInteger(u, a >> (a & 63), false, RNE, true);
            }
        });
        compare("fcvt.s.wu", v, 1, new TwoWays() {
            public long fast(FloatUnit u, long a, long b, long c) {
                return u.cvtSWU(a >>> (a & 31), RNE);
            }

            public long exact(FloatUnit u, long a, long b, long c) {
                return (int) Conversions.fromInteger(u, (a >>> (a & 31)) & 0xffff_ffffL, true, RNE, true);
            }
        });
    }

    private static void compare(String name, FpValues v, int operands, TwoWays op) {
        FloatUnit fast = new FloatUnit();
        FloatUnit exact = new FloatUnit();
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < PER_OPERATION; i++) {
            long a = v.value();
            long b = operands > 1 && (i & 1) == 0 ? v.near(v.exponentOf(a), 30) : v.value();
            long c = operands > 2 ? v.near(v.exponentOf(a) + v.exponentOf(b) - v.bias, 30) : 0;
            if (v.isNaN(a) || v.isNaN(b) || v.isNaN(c)) {
                continue;
            }
            fast.flags = 0;
            exact.flags = 0;
            long rf = op.fast(fast, a, b, c);
            long re = op.exact(exact, a, b, c);
            if (rf != re || fast.flags != exact.flags) {
                if (++mismatches <= 10) {
                    report.append(String.format("  %s a=%x b=%x c=%x: fast %x %s, exact %x %s%n", name, a, b, c, rf,
                            QemuFpOracle.flags(fast.flags), re, QemuFpOracle.flags(exact.flags)));
                }
            }
        }
        if (mismatches > 0) {
            fail(name + ": the fast path differs from the exact path on " + mismatches + " operands:\n" + report);
        }
    }
}
