package dev.guestbench.vmm;

import dev.guestbench.vmm.boot.VirtLayout;

/** Limits of the machine that follow from the QEMU virt layout. */
final class MachineLimits {
    /** RAM runs from 0x80000000 to the top of the 39-bit guest-physical space that Sv39x4 can map. */
    static final long MAX_RAM_BYTES = (1L << 39) - VirtLayout.RAM_BASE;

    private MachineLimits() {
    }
}
