package dev.guestbench.vmm.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.guestbench.vmm.RunResult;

/** Data watchpoints on the guest of src/test/debug-guest/watch.S. */
class WatchpointTest {

    private static DebugGuest guest;
    private VmDebugger dbg;
    private final Recorder events = new Recorder();

    @BeforeAll
    static void build() throws Exception {
        guest = DebugGuest.build("watch");
    }

    @AfterEach
    void end() throws Exception {
        if (dbg != null) {
            dbg.terminate();
            assertTrue(dbg.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    /** A debugger at the guest's entry. */
    private void atEntry() throws Exception {
        dbg = guest.debugger(1);
        dbg.addListener(events);
        dbg.start(true);
        assertEquals(SuspendReason.ENTRY, events.nextSuspend().reason());
    }

    private WatchHit nextHit() throws InterruptedException {
        SuspendEvent e = events.nextSuspend();
        assertEquals(SuspendReason.WATCHPOINT, e.reason(), e.toString());
        WatchHit hit = dbg.lastWatchHit();
        assertEquals(hit.address(), e.detail());
        assertEquals(e.hart(), hit.hart());
        return hit;
    }

    private void runsToTheEnd() throws InterruptedException {
        dbg.resume();
        assertEquals(RunResult.Ending.PASSED, events.nextEnd());
    }

    @Test
    void aStoreFromATranslatedLoopStopsRightAfterItWithOldAndNewValue() throws Exception {
        atEntry();
        long mid = guest.symbol("mid");
        dbg.addBreakpoint(mid);
        dbg.resume();
        assertEquals(SuspendReason.BREAKPOINT, events.nextSuspend().reason());
        // The first fill ran the loop 1024 times: it is translated, and both buffer pages are in the micro TLB.
        assertTrue(dbg.vm().translatedBlocks() > 0, "the fill loop was translated");
        dbg.removeBreakpoint(mid);
        long buf = guest.symbol("buf");
        Watchpoint w = new Watchpoint(buf + 8 * 700, 8, Watchpoint.Kind.WRITE, false);
        assertTrue(dbg.addWatchpoint(w));
        assertFalse(dbg.addWatchpoint(w), "set already");
        dbg.resume();
        WatchHit hit = nextHit();
        long store = guest.symbol("fill_store");
        assertEquals(store, hit.pc(), "the accessing instruction");
        assertEquals(store + 4, dbg.pc(0), "stopped right after it: the store retired");
        assertEquals(w, hit.watchpoint());
        assertEquals(buf + 8 * 700, hit.address());
        assertEquals(buf + 8 * 700, hit.physicalAddress(), "satp is Bare");
        assertEquals(8, hit.size());
        assertTrue(hit.write());
        assertFalse(hit.read());
        assertEquals(0x100 + 700, hit.before(), "the first fill's value");
        assertEquals(0x200 + 700, hit.after(), "the second fill's value");
        assertEquals(700, dbg.gpr(0, 5), "t0: the loop is at that element");
        assertEquals("write 0x" + Long.toHexString(buf + 5600) + " (8 bytes): 0x3bc -> 0x4bc at pc 0x"
                + Long.toHexString(store), hit.describe());
        // Removed, it stops no more.
        assertTrue(dbg.removeWatchpoint(w));
        assertFalse(dbg.removeWatchpoint(w));
        assertEquals(List.of(), dbg.watchpoints());
        runsToTheEnd();
        assertEquals(0x200 + 1023, readLong(buf + 8 * 1023));
    }

    @Test
    void aReadWatchpointStopsAfterTheLoadAndNotAtStores() throws Exception {
        atEntry();
        long flag = guest.symbol("flag");
        dbg.addWatchpoint(new Watchpoint(flag + 4, 1, Watchpoint.Kind.READ, false));
        // A write watchpoint on the same bytes does not stop at the load.
        dbg.addWatchpoint(new Watchpoint(flag, 8, Watchpoint.Kind.WRITE, false));
        dbg.resume();
        WatchHit hit = nextHit();
        assertEquals(guest.symbol("load_flag"), hit.pc());
        assertEquals(guest.symbol("load_flag") + 4, dbg.pc(0));
        assertTrue(hit.read());
        assertFalse(hit.write());
        assertEquals(flag, hit.address());
        assertEquals(0x1234, hit.after());
        assertEquals(0x1234, dbg.gpr(0, 6), "t1 holds the loaded value");
        // The later store to flag goes through a virtual alias: a virtual watchpoint does not see it.
        runsToTheEnd();
        assertEquals(0x5678, readLong(flag));
    }

    @Test
    void anAmoIsOneAccessThatReadsAndWrites() throws Exception {
        atEntry();
        long counter = guest.symbol("counter");
        dbg.addWatchpoint(new Watchpoint(counter, 8, Watchpoint.Kind.READ, false));
        dbg.resume();
        WatchHit hit = nextHit();
        assertEquals(guest.symbol("amo"), hit.pc());
        assertEquals(guest.symbol("amo") + 4, dbg.pc(0));
        assertTrue(hit.read() && hit.write());
        assertEquals("read-write", hit.accessLabel());
        assertEquals(10, hit.before());
        assertEquals(15, hit.after());
        assertEquals(10, dbg.gpr(0, 28), "t3: the AMO's old value");
        runsToTheEnd();
    }

    @Test
    void aWatchAcrossAPageBoundaryStopsOnBothSides() throws Exception {
        atEntry();
        long buf = guest.symbol("buf");
        Watchpoint w = new Watchpoint(buf + 4092, 8, Watchpoint.Kind.WRITE, false);
        dbg.addWatchpoint(w);
        dbg.resume();
        WatchHit first = nextHit();
        assertEquals(buf + 8 * 511, first.address(), "the last element of the first page");
        assertEquals(0x100 + 511, first.after());
        dbg.resume();
        WatchHit second = nextHit();
        assertEquals(buf + 4096, second.address(), "the first element of the second page");
        assertEquals(0x100 + 512, second.after());
        assertEquals(0, second.before());
        // The second fill stops there again.
        dbg.resume();
        assertEquals(buf + 8 * 511, nextHit().address());
        dbg.removeWatchpoint(w);
        runsToTheEnd();
    }

    @Test
    void aPhysicalWatchpointSeesAStoreThroughAVirtualAlias() throws Exception {
        atEntry();
        long flag = guest.symbol("flag");
        Watchpoint physical = new Watchpoint(flag, 8, Watchpoint.Kind.WRITE, true);
        dbg.addWatchpoint(new Watchpoint(flag, 8, Watchpoint.Kind.WRITE, false));
        dbg.addWatchpoint(physical);
        dbg.resume();
        WatchHit hit = nextHit();
        assertEquals(physical, hit.watchpoint());
        assertEquals(guest.symbol("alias_store"), hit.pc());
        assertEquals(flag - 0x8000_0000L, hit.address(), "the alias the store used");
        assertEquals(flag, hit.physicalAddress());
        assertEquals(0x1234, hit.before());
        assertEquals(0x5678, hit.after());
        runsToTheEnd();
    }

    @Test
    void theDebuggersOwnAccessesDoNotStop() throws Exception {
        atEntry();
        long counter = guest.symbol("counter");
        dbg.addWatchpoint(new Watchpoint(counter, 8, Watchpoint.Kind.ACCESS, false));
        assertTrue(dbg.writeVirtual(0, counter, new byte[] {20, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals(20, readLong(counter));
        dbg.resume();
        WatchHit hit = nextHit();
        assertEquals(guest.symbol("amo"), hit.pc(), "the guest's AMO is the first access that stops");
        assertEquals(20, hit.before());
        assertEquals(25, hit.after());
    }

    @Test
    void badWatchpointsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Watchpoint(0x1000, 0, Watchpoint.Kind.READ, false));
        assertThrows(IllegalArgumentException.class,
                () -> new Watchpoint(0x1000, Watchpoint.MAX_LENGTH + 1, Watchpoint.Kind.READ, false));
        assertThrows(IllegalArgumentException.class, () -> new Watchpoint(-4, 8, Watchpoint.Kind.READ, false));
        Watchpoint w = new Watchpoint(0x1000, 8, Watchpoint.Kind.WRITE, false);
        assertTrue(w.overlaps(0x1007, 1));
        assertTrue(w.overlaps(0xffc, 8));
        assertFalse(w.overlaps(0x1008, 8));
        assertFalse(w.overlaps(0xff8, 8));
        assertTrue(Watchpoint.Kind.ACCESS.matches(true, false));
        assertFalse(Watchpoint.Kind.WRITE.matches(true, false));
        assertTrue(Watchpoint.Kind.READ.matches(true, true));
    }

    private long readLong(long va) {
        byte[] b = new byte[8];
        assertEquals(8, dbg.readVirtual(0, va, b));
        return java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
