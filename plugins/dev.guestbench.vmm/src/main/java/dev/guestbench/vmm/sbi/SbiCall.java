package dev.guestbench.vmm.sbi;

import dev.guestbench.vmm.cpu.HartState;

/** One SBI call being answered: its arguments in the caller's a0..a7, and where the results go. */
final class SbiCall {
    final HartState hart;

    SbiCall(HartState hart) {
        this.hart = hart;
    }

    long extension() {
        return hart.x[17];
    }

    int function() {
        return (int) hart.x[16];
    }

    long arg(int i) {
        return hart.x[10 + i];
    }

    /** An SBI v0.2+ return: error in a0, value in a1. */
    void ret(long error, long value) {
        hart.x[10] = error;
        hart.x[11] = value;
    }

    /** A legacy (v0.1) return: the value in a0 only. */
    void legacyReturn(long value) {
        hart.x[10] = value;
    }
}
