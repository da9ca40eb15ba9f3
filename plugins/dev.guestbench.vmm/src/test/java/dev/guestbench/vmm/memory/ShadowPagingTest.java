package dev.guestbench.vmm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShadowPagingTest {

    private static final int S = 1;
    private static final long VA = 0x4000_0000L;
    private static final long PAGE = PagingFixture.RAM + 0x10_0000;

    @Test
    void firstAccessShadowFaultsThenHitsAndFirstWriteSetsDirty() {
        PagingFixture f = new PagingFixture(PagingMode.SHADOW);
        long pteAddress = f.map4k(VA, PAGE, Pte.R | Pte.W);
        f.mmu.load(VA, 8, S);
        assertEquals(Mmu.OK, f.mmu.status);
        assertEquals(List.of("SHADOW_FAULT@" + Long.toHexString(VA)), f.exits);
        assertEquals(Pte.A, f.peek(pteAddress) & (Pte.A | Pte.D), "a load sets A only");
        f.mmu.flushMicro();
        f.mmu.load(VA + 8, 8, S);
        assertEquals(1, f.exits.size(), "the shadow entry serves the second load");
        f.mmu.store(VA, 8, 42, S);
        assertEquals(2, f.exits.size(), "a clean page is read-only in the shadow: the first write faults");
        assertEquals(Pte.A | Pte.D, f.peek(pteAddress) & (Pte.A | Pte.D));
        assertEquals(42, Mmu.read(f.ram.page(PAGE), 0, 8));
        PagingCounters.Snapshot c = f.engine.counters();
        assertEquals(2, c.shadowFaults());
        assertTrue(c.shadowPages() >= 3, "root, level 1 and level 0 shadow tables");
    }

    @Test
    void guestWriteToItsTableDropsTheShadowEntryItFed() {
        PagingFixture f = new PagingFixture(PagingMode.SHADOW);
        long pteAddress = f.map4k(VA, PAGE, Pte.R | Pte.W | Pte.A | Pte.D);
        List<MappingEvent> events = new ArrayList<>();
        f.engine.addListener(events::add);
        assertEquals(0, f.mmu.load(VA, 8, S));
        // The guest remaps the page through a store (in M-mode, untranslated) to its PTE.
        long other = PAGE + 0x1000;
        Mmu.write(f.ram.page(other), 0, 8, 7);
        f.mmu.store(pteAddress, 8, Pte.make(other >>> 12, Pte.V | Pte.R | Pte.W | Pte.A | Pte.D), 3);
        assertEquals(1, f.engine.counters().ptWriteTraps());
        assertEquals(1, f.engine.counters().resyncs());
        f.mmu.sfence(-1, -1);
        assertEquals(7, f.mmu.load(VA, 8, S), "after the fence the new mapping is seen");
        assertTrue(events.stream().anyMatch(e -> e.kind() == MappingEvent.Kind.CHANGED && e.gva() == VA));
        assertTrue(events.stream().anyMatch(e -> e.kind() == MappingEvent.Kind.SHADOW_INVALIDATED && e.gva() == VA));
        assertTrue(events.stream().anyMatch(e -> e.kind() == MappingEvent.Kind.SHADOW_SYNCED && e.gva() == VA));
    }

    @Test
    void snapshotShowsGuestLeafInSyncAndTablesWriteProtected() {
        PagingFixture f = new PagingFixture(PagingMode.SHADOW);
        f.map4k(VA, PAGE, Pte.R | Pte.A);
        f.map4k(VA + 0x1000, PAGE + 0x1000, Pte.R | Pte.A);
        f.mmu.load(VA, 8, S);
        PageTableSnapshot snap = f.engine.snapshot(f.satp, 0);
        PageTableNode l1 = snap.guest().get(0);
        assertEquals(PageTableNode.Sync.WRITE_PROTECTED, l1.children().get(0).sync());
        List<PageTableNode> leaves = l1.children().get(0).children();
        assertEquals(PageTableNode.Sync.IN_SYNC, leaves.get(0).sync());
        assertEquals(PageTableNode.Sync.NOT_SHADOWED, leaves.get(1).sync());
        assertEquals(1, snap.shadow().size());
    }

    @Test
    void pageFaultsCarryTheRightCause() {
        PagingFixture f = new PagingFixture(PagingMode.SHADOW);
        f.map4k(VA, PAGE, Pte.R | Pte.A);
        f.mmu.store(VA, 8, 1, S);
        assertEquals(Mmu.FAULT, f.mmu.status);
        assertEquals(15, f.mmu.faultCause);
        assertEquals(VA, f.mmu.faultAddress);
        f.mmu.load(VA + 0x5000, 4, S);
        assertEquals(13, f.mmu.faultCause);
        assertEquals(-1, f.mmu.translateFetch(VA, S));
        assertEquals(12, f.mmu.faultCause);
    }
}
