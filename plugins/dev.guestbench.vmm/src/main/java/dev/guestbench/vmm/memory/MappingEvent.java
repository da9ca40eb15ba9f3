package dev.guestbench.vmm.memory;

/**
 * A change to a guest mapping or to the VMM's shadow of it, as page-table breakpoints and the page-table view
 * see it.
 *
 * @param kind what happened
 * @param hart the hart whose store (or walk) caused it
 * @param asid the address space of the table that changed
 * @param gva the first guest-virtual address the entry maps
 * @param size bytes the entry maps (4 KiB, 2 MiB, 1 GiB, 512 GiB)
 * @param pteAddress guest-physical address of the PTE (or of the shadow entry's guest source)
 * @param oldPte the entry before (0 when there was none)
 * @param newPte the entry after (0 when there is none)
 */
public record MappingEvent(Kind kind, int hart, int asid, long gva, long size, long pteAddress, long oldPte,
        long newPte) {

    /** Kinds of change. */
    public enum Kind {
        /** The guest made a valid entry where there was none. */
        CREATED,
        /** The guest changed a valid entry. */
        CHANGED,
        /** The guest made a valid entry invalid. */
        REMOVED,
        /** The VMM filled a shadow entry from the guest's table. */
        SHADOW_SYNCED,
        /** The VMM dropped a shadow entry (its guest source changed, or shadows were flushed). */
        SHADOW_INVALIDATED
    }

    /** Whether the event touches {@code [start, end)}. */
    public boolean overlaps(long start, long end) {
        return Long.compareUnsigned(gva, end) < 0 && Long.compareUnsigned(start, gva + size) < 0;
    }
}
