package dev.guestbench.vmm;

/**
 * How a run of a VM ended.
 *
 * @param ending what stopped it
 * @param failCode the guest's failure code when it failed through the test finisher
 * @param instructions instructions retired in the run, over all harts
 * @param hostNanos host time the run took
 */
public record RunResult(Ending ending, int failCode, long instructions, long hostNanos) {

    /** What stopped the run. */
    public enum Ending {
        /** The guest reported success and powered off (test finisher pass, SBI shutdown). */
        PASSED,
        /** The guest reported failure through the test finisher. */
        FAILED,
        /** The guest asked for a reset. */
        RESET,
        /** Stopped from outside (Ctrl-A X). */
        QUIT,
        /** The instruction limit ran out. */
        INSTRUCTION_LIMIT,
        /** Every hart waits for an interrupt that nothing can raise any more. */
        IDLE_FOREVER,
        /** A debugger paused the machine; it can run on. */
        PAUSED
    }

    /** Exit status of `guestbench run`, as QEMU exits: 0 on pass, the finisher's code on fail, 124 at the limit. */
    public int exitStatus() {
        return switch (ending) {
            case PASSED, RESET, QUIT -> 0;
            case FAILED -> failCode;
            case INSTRUCTION_LIMIT -> 124;
            case IDLE_FOREVER, PAUSED -> 1;
        };
    }

    /** Millions of instructions per host second. */
    public double mips() {
        return hostNanos == 0 ? 0 : instructions * 1e3 / hostNanos;
    }
}
