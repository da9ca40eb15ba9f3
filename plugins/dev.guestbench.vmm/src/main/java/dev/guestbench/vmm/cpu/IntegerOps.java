package dev.guestbench.vmm.cpu;

/**
 * The RV64IM operations Java has no single operator for (division and remainder with RISC-V's results for
 * zero divisors and overflow, mulhsu), shared by the interpreter and the block translator.
 */
public final class IntegerOps {

    private IntegerOps() {
    }

    /** mulhsu: the high 64 bits of signed {@code a} times unsigned {@code b}. */
    public static long mulhsu(long a, long b) {
        // The signed high product, corrected for b's top bit read as 2^63 rather than -2^63.
        long high = Math.multiplyHigh(a, b);
        return b < 0 ? high + a : high;
    }

    public static long div(long a, long b) {
        return b == 0 ? -1 : (a == Long.MIN_VALUE && b == -1) ? a : a / b;
    }

    public static long divu(long a, long b) {
        return b == 0 ? -1 : Long.divideUnsigned(a, b);
    }

    public static long rem(long a, long b) {
        return b == 0 ? a : (a == Long.MIN_VALUE && b == -1) ? 0 : a % b;
    }

    public static long remu(long a, long b) {
        return b == 0 ? a : Long.remainderUnsigned(a, b);
    }

    public static long divw(long a, long b) {
        int x = (int) a;
        int y = (int) b;
        return y == 0 ? -1 : (x == Integer.MIN_VALUE && y == -1) ? x : x / y;
    }

    public static long divuw(long a, long b) {
        return (int) b == 0 ? -1 : (int) Integer.divideUnsigned((int) a, (int) b);
    }

    public static long remw(long a, long b) {
        int x = (int) a;
        int y = (int) b;
        return y == 0 ? x : (x == Integer.MIN_VALUE && y == -1) ? 0 : x % y;
    }

    public static long remuw(long a, long b) {
        return (int) b == 0 ? (int) a : (int) Integer.remainderUnsigned((int) a, (int) b);
    }

    /** 1 if a < b (signed), else 0. */
    public static long slt(long a, long b) {
        return a < b ? 1 : 0;
    }

    /** 1 if a < b (unsigned), else 0. */
    public static long sltu(long a, long b) {
        return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
    }

    /** The M-extension division/remainder {@code op} (an Op number). */
    static long divide(int op, long a, long b) {
        return switch (op) {
            case Op.DIV -> div(a, b);
            case Op.DIVU -> divu(a, b);
            case Op.REM -> rem(a, b);
            case Op.REMU -> remu(a, b);
            case Op.DIVW -> divw(a, b);
            case Op.DIVUW -> divuw(a, b);
            case Op.REMW -> remw(a, b);
            default -> remuw(a, b);
        };
    }
}
