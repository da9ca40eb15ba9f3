package dev.guestbench.vmm.debug;

import java.util.EnumSet;
import java.util.Set;

import dev.guestbench.vmm.memory.MappingEvent;

/**
 * Which mapping changes a page-table breakpoint stops at: those touching guest-virtual {@code [start, end)}
 * of the given kinds (empty: every kind).
 */
public record PageTableFilter(long start, long end, Set<MappingEvent.Kind> kinds) {

    public PageTableFilter {
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new IllegalArgumentException(String.format("empty range [0x%x, 0x%x)", start, end));
        }
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** Whether the event matches. */
    public boolean matches(MappingEvent e) {
        return (kinds.isEmpty() || kinds.contains(e.kind())) && e.overlaps(start, end);
    }
}
