package dev.guestbench.vmm.exit;

/** What the VMM did with an exit. */
public enum Disposition {
    /** Emulated against the vCPU's virtual state; the guest continues after the instruction. */
    EMULATED,
    /** Reflected into the guest as an exception to its own trap handler. */
    REFLECTED,
    /** A hypercall (an SBI call in direct boot) answered by the hypervisor. */
    HYPERCALL,
    /** An interrupt injected into the guest. */
    INJECTED,
    /**
     * Handled inside the VMM where the guest cannot observe it (a shadow table filled, a write-protected
     * page-table write completed); such records differ between paging modes, the others do not.
     */
    INTERNAL;

    /** A lower-case name for tables and CSV. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
