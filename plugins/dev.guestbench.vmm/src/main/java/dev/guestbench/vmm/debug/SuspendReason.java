package dev.guestbench.vmm.debug;

/** Why a VM's vCPUs were suspended. */
public enum SuspendReason {
    /** The VM was started suspended, before its first instruction. */
    ENTRY,
    /** A client asked for the suspension. */
    CLIENT,
    /** A vCPU reached an address breakpoint. */
    BREAKPOINT,
    /** An exit matched a trap breakpoint. */
    TRAP,
    /** A guest mapping (or its shadow) in a watched range changed. */
    PAGE_TABLE,
    /** A guest access touched a watchpoint's bytes (the access is done, the instruction retired). */
    WATCHPOINT,
    /** A single instruction step ended. */
    STEP,
    /** A run to an address (step over, step return, run to line) got there. */
    RUN_TO,
    /** Every hart is stopped or waits for an interrupt that nothing can raise. */
    IDLE
}
