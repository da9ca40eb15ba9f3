package dev.guestbench.vmm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NestedPagingTest {

    private static final int S = 1;
    private static final long VA = 0x4000_0000L;
    private static final long PAGE = PagingFixture.RAM + 0x10_0000;

    @Test
    void aTwoDimensionalSv39WalkMakesFifteenReferences() {
        PagingFixture f = new PagingFixture(PagingMode.NESTED);
        f.map4k(VA, PAGE, Pte.R | Pte.W | Pte.A | Pte.D);
        PagingCounters.Snapshot before = f.engine.counters();
        f.mmu.load(VA, 8, S);
        PagingCounters.Snapshot after = f.engine.counters();
        assertEquals(1, after.walks() - before.walks());
        assertEquals(15, after.walkReferences() - before.walkReferences(), "3 PTE reads x (3 + 1) + 3 for the data");
        assertTrue(after.gstageFaults() >= 4, "the three tables and the page were mapped on first touch");
        assertEquals(0, after.shadowFaults());
    }

    @Test
    void theWalkTraceListsEveryReferenceWithoutChangingAnything() {
        PagingFixture f = new PagingFixture(PagingMode.NESTED);
        long pteAddress = f.map4k(VA, PAGE, Pte.R | Pte.W);
        f.mmu.load(VA, 8, S);
        long pte = f.peek(pteAddress);
        PagingCounters.Snapshot before = f.engine.counters();
        List<WalkStep> steps = ((NestedPaging) f.engine).trace(f.satp, VA);
        assertEquals(15, steps.size());
        assertEquals(before, f.engine.counters());
        WalkStep leaf = steps.get(11);
        assertEquals(false, leaf.gstage());
        assertEquals(pteAddress, leaf.address());
        assertEquals(pte, leaf.entry());
        assertEquals(-1, steps.get(14).guestLevel());
    }

    @Test
    void tablesAreWatchedOnlyWhileSomeoneListens() {
        PagingFixture f = new PagingFixture(PagingMode.NESTED);
        long pteAddress = f.map4k(VA, PAGE, Pte.R | Pte.W | Pte.A | Pte.D);
        f.mmu.load(VA, 8, S);
        f.mmu.store(pteAddress, 8, 0, 3);
        assertEquals(0, f.engine.counters().ptWriteTraps(), "no listener: no write-protection");
        f.map4k(VA, PAGE, Pte.R | Pte.W | Pte.A | Pte.D);
        List<MappingEvent> events = new ArrayList<>();
        PagingListener l = events::add;
        f.engine.addListener(l);
        f.mmu.store(pteAddress, 8, 0, 3);
        assertEquals(1, f.engine.counters().ptWriteTraps());
        assertEquals(MappingEvent.Kind.REMOVED, events.get(0).kind());
        assertEquals(VA, events.get(0).gva());
        f.engine.removeListener(l);
        f.mmu.store(pteAddress, 8, 5, 3);
        assertEquals(1, f.engine.counters().ptWriteTraps());
    }

    @Test
    void sameGuestVisibleResultsAsShadow() {
        for (PagingMode mode : PagingMode.values()) {
            PagingFixture f = new PagingFixture(mode);
            long pteAddress = f.map4k(VA, PAGE, Pte.R | Pte.W | Pte.U);
            f.mmu.store(VA, 8, 9, 0);
            assertEquals(Mmu.OK, f.mmu.status, mode.toString());
            assertEquals(Pte.A | Pte.D, f.peek(pteAddress) & (Pte.A | Pte.D), mode.toString());
            f.mmu.load(VA, 8, S);
            assertEquals(13, f.mmu.faultCause, mode + ": S may not read a U page without SUM");
            f.mstatus = 1L << 18;
            f.mmu.flushMicro();
            assertEquals(9, f.mmu.load(VA, 8, S), mode + ": with SUM it may");
        }
    }
}
