package dev.guestbench.vmm.memory;

/**
 * One memory reference of a two-dimensional (nested) walk, as the page-table view lists them: a read of a
 * G-stage entry or of a guest PTE.
 *
 * @param guestLevel the guest level this reference serves (-1: the final data address)
 * @param gstage true for a G-stage entry, false for the guest's own PTE
 * @param level the level of the entry read (in its own table)
 * @param address where the entry is: host-physical for G-stage entries, guest-physical for guest PTEs
 * @param entry the entry's value (0 when it was not there yet: the VMM maps the page on first touch)
 */
public record WalkStep(int guestLevel, boolean gstage, int level, long address, long entry) {
}
