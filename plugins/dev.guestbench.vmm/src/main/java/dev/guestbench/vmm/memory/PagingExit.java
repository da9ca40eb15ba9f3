package dev.guestbench.vmm.memory;

/** Exits that memory virtualization takes inside the VMM, invisible to the guest. */
public enum PagingExit {
    /** Shadow mode: the shadow table had no usable entry; the VMM walked the guest's table. */
    SHADOW_FAULT,
    /** Shadow mode (or a watched table in nested mode): a store to a write-protected guest page-table page. */
    PT_WRITE,
    /** Nested mode: the G-stage table did not map a guest page yet; the VMM mapped it. */
    GSTAGE_FAULT
}
