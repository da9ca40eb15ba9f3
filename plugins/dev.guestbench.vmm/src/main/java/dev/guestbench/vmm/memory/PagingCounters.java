package dev.guestbench.vmm.memory;

import java.util.Locale;

/**
 * What one VM's memory virtualization has done, counted as it happens: the figures `guestbench run --stats`
 * prints and the VMM view shows. TLB hits and misses are summed over the harts' TLBs when read.
 */
public final class PagingCounters {

    /** Hardware walks: of the shadow table (shadow mode) or two-dimensional (nested mode), on TLB misses. */
    long walks;
    /** Memory references those walks made (PTE reads of every table they touched). */
    long walkReferences;
    /** Shadow misses the VMM answered by walking the guest's table. */
    long shadowFaults;
    /** Guest stores to write-protected page-table pages. */
    long ptWriteTraps;
    /** Shadow entries dropped because the guest changed the PTE they came from. */
    long resyncs;
    /** TLB flushes: SFENCE.VMA, satp writes, remote fences. */
    long flushes;
    /** G-stage misses that mapped a guest page on first touch (nested mode). */
    long gstageFaults;

    /** A copy of the counters at one moment, with the TLB totals and the tables' sizes. */
    public record Snapshot(PagingMode mode, long tlbHits, long tlbMisses, long walks, long walkReferences,
            long shadowFaults, long ptWriteTraps, long shadowPages, long resyncs, long flushes, long gstageFaults,
            long gstagePages) {

        /** Average references per hardware walk, 0 without walks. */
        public double referencesPerWalk() {
            return walks == 0 ? 0 : (double) walkReferences / walks;
        }

        /** TLB hits over lookups, 0 without lookups. */
        public double tlbHitRate() {
            long all = tlbHits + tlbMisses;
            return all == 0 ? 0 : (double) tlbHits / all;
        }

        /** The one-line form `guestbench run --stats` prints (every key in both modes). */
        public String statsLine() {
            return String.format(Locale.ROOT,
                    "guestbench: paging mode=%s tlb_hits=%d tlb_misses=%d walks=%d walk_refs=%d shadow_faults=%d"
                            + " pt_write_traps=%d shadow_pages=%d resyncs=%d flushes=%d gstage_faults=%d"
                            + " gstage_pages=%d",
                    mode.optionName(), tlbHits, tlbMisses, walks, walkReferences, shadowFaults, ptWriteTraps,
                    shadowPages, resyncs, flushes, gstageFaults, gstagePages);
        }
    }
}
