package dev.guestbench.vmm.memory;

import java.util.List;

/**
 * A hart's page tables at one moment: the guest's table with every entry's sync state, the VMM's own
 * structures (the shadow table in shadow mode, the G-stage table's size in nested mode) and the counters.
 *
 * @param guest the root table's entries (empty in Bare mode)
 * @param shadow the shadow table's root entries for this satp (empty in nested mode or before any fill)
 * @param gstageFrames host frames the G-stage table uses (nested mode; 0 otherwise)
 */
public record PageTableSnapshot(PagingMode mode, long satp, List<PageTableNode> guest, List<PageTableNode> shadow,
        long gstageFrames, PagingCounters.Snapshot counters) {
}
