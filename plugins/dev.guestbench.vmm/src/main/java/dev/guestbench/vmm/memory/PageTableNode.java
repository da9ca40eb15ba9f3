package dev.guestbench.vmm.memory;

import java.util.List;

/**
 * One entry of a page table as the page-table view shows it: a table (with its entries as children) or a
 * leaf mapping {@code [gva, gva + size)} to {@code target}.
 *
 * @param level the level of the table this entry is in (leaves of 4 KiB are at 0)
 * @param gva first guest-virtual address the entry covers
 * @param size bytes it covers
 * @param pte the entry's bits
 * @param entryAddress where the entry itself lies: guest-physical for guest tables, host-physical for shadows
 * @param target guest-physical address of the next table or of the mapped page
 * @param hostFrame host frame number of the target, or -1 when it has none (not RAM, never touched)
 * @param sync how the VMM's copy of this entry relates to it
 * @param children a table's valid entries; empty for a leaf
 */
public record PageTableNode(int level, long gva, long size, long pte, long entryAddress, long target, long hostFrame,
        Sync sync, List<PageTableNode> children) {

    /** How the VMM's structures relate to a guest entry. */
    public enum Sync {
        /** Shadow mode: the shadow holds this mapping (every 4 KiB page of it) exactly. */
        IN_SYNC,
        /** Shadow mode: some 4 KiB pages of a superpage are shadowed, the others not yet. */
        PARTIAL,
        /** Shadow mode: nothing shadowed yet (no access since it was made or last changed). */
        NOT_SHADOWED,
        /** Shadow mode: the shadow disagrees with the guest entry (must never be seen). */
        STALE,
        /** A guest page-table page the VMM write-protects (shadow mode, or watched in nested mode). */
        WRITE_PROTECTED,
        /** Nothing to say: nested mode, or a shadow table's own entry. */
        NONE
    }

    /** Whether this entry is a leaf mapping. */
    public boolean isLeaf() {
        return Pte.isLeaf(pte);
    }
}
