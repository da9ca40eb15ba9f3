package dev.guestbench.vmm.exit;

/** Why the fast path was left, as perf kvm stat counts exits. */
public enum ExitReason {
    /** A CSR instruction. */
    CSR,
    /** MRET or SRET. */
    XRET,
    /** WFI. */
    WFI,
    /** SFENCE.VMA. */
    SFENCE_VMA,
    /** ECALL: reflected to the guest's handler, or a hypercall answered by the hypervisor. */
    ECALL,
    /** EBREAK. */
    EBREAK,
    /** A load from or store to a device register. */
    MMIO,
    /** An instruction that does not exist or is not allowed at this privilege. */
    ILLEGAL_INSTRUCTION,
    /** An access fault or a misaligned atomic. */
    MEMORY_FAULT,
    /** An interrupt delivered to the guest. */
    INTERRUPT,
    /** A page fault of the guest's own tables, reflected into the guest. */
    PAGE_FAULT,
    /** Shadow paging: no shadow entry yet (or one without the right permission); the VMM walks the guest table. */
    SHADOW_FAULT,
    /** A guest store to one of its own page-table pages, which the VMM write-protects to keep shadows coherent. */
    PT_WRITE,
    /** Nested paging: the second-stage (G-stage) table did not map a guest page yet; the VMM mapped it. */
    GSTAGE_FAULT;

    /** A lower-case name for tables and CSV ("sfence_vma"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
