package dev.guestbench.vmm.memory;

/** What an MMU needs from the hart it serves: the CSRs that steer translation and a place to record exits. */
public interface MmuContext {

    /** The hart's id. */
    int hartId();

    /** The satp CSR. */
    long satp();

    /** The mstatus CSR (SUM, MXR). */
    long mstatus();

    /** Records an exit taken inside the VMM for {@code va} ({@code detail}: the guest-physical address). */
    void pagingExit(PagingExit kind, long va, long detail);
}
