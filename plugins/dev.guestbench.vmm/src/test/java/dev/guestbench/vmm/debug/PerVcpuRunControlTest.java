package dev.guestbench.vmm.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run control of one vCPU at a time on the two-hart guest of src/test/debug-guest/smp.S: stops are
 * all-stop, but resuming, stepping or running one vCPU to an address runs only that one.
 */
class PerVcpuRunControlTest {

    private static DebugGuest guest;
    private VmDebugger dbg;
    private final Recorder events = new Recorder();

    @BeforeAll
    static void build() throws Exception {
        guest = DebugGuest.build("smp");
    }

    /** Both harts started and stopped together where hart 1 stores its count. */
    @BeforeEach
    void bothHartsAtABreakpoint() throws Exception {
        dbg = guest.debugger(2);
        dbg.addListener(events);
        dbg.start(true);
        assertEquals(SuspendReason.ENTRY, events.nextSuspend().reason());
        long store1 = guest.symbol("store1");
        dbg.addBreakpoint(store1);
        dbg.resume();
        SuspendEvent e = events.nextSuspend();
        assertEquals(new SuspendEvent(1, SuspendReason.BREAKPOINT, store1), e);
        assertTrue(dbg.isSuspended(0) && dbg.isSuspended(1), "all-stop: both vCPUs stopped");
        assertEquals(VmDebugger.State.SUSPENDED, dbg.state());
        dbg.removeBreakpoint(store1);
    }

    @AfterEach
    void end() throws Exception {
        dbg.terminate();
        assertTrue(dbg.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void resumingOneVcpuRunsOnlyThatOne() throws Exception {
        long count0 = count(0);
        long count1 = count(1);
        dbg.resume(1);
        waitUntilCount(1, count1 + 10_000);
        assertEquals(VmDebugger.State.RUNNING, dbg.state());
        assertTrue(dbg.isSuspended(0));
        assertFalse(dbg.isSuspended(1));
        assertEquals(count0, count(0), "vCPU 0 stayed suspended");
        dbg.suspend(1);
        assertEquals(SuspendReason.CLIENT, events.nextSuspend().reason());
        assertEquals(VmDebugger.State.SUSPENDED, dbg.state());
        long stopped = count(1);
        Thread.sleep(50);
        assertEquals(stopped, count(1), "vCPU 1 is suspended now");
        // And the other way round.
        dbg.resume(0);
        waitUntilCount(0, count0 + 1000);
        assertEquals(stopped, count(1));
        dbg.suspend(0);
        SuspendEvent e = events.nextSuspend();
        assertEquals(new SuspendEvent(0, SuspendReason.CLIENT, dbg.pc(0)), e);
    }

    @Test
    void aStepOfOneVcpuLeavesTheOtherRunning() throws Exception {
        dbg.resume(1);
        long pc = dbg.pc(0);
        dbg.stepInstruction(0);
        SuspendEvent step = events.nextSuspend();
        assertEquals(0, step.hart());
        assertEquals(SuspendReason.STEP, step.reason());
        assertEquals(pc + 4, dbg.pc(0));
        assertFalse(dbg.isSuspended(1), "vCPU 1 runs on");
        long count1 = count(1);
        waitUntilCount(1, count1 + 1000);
        // A run to an address ends for its vCPU only, too.
        dbg.runTo(0, guest.symbol("call_nothing"));
        assertEquals(new SuspendEvent(0, SuspendReason.RUN_TO, guest.symbol("call_nothing")), events.nextSuspend());
        assertFalse(dbg.isSuspended(1), "vCPU 1 runs on");
        dbg.suspend();
        assertEquals(new SuspendEvent(-1, SuspendReason.CLIENT, -1), events.nextSuspend());
        assertTrue(dbg.isSuspended(1));
    }

    @Test
    void steppingOverACallRunsNoSuspendedVcpu() throws Exception {
        long count1 = count(1);
        long pc1 = dbg.pc(1);
        dbg.runTo(0, guest.symbol("call_nothing"));
        assertEquals(new SuspendEvent(0, SuspendReason.RUN_TO, guest.symbol("call_nothing")), events.nextSuspend());
        dbg.stepOverInstruction(0);
        assertEquals(SuspendReason.RUN_TO, events.nextSuspend().reason());
        assertEquals(guest.symbol("call_nothing") + 4, dbg.pc(0), "over the call");
        long loop0 = guest.symbol("loop0");
        dbg.stepLine(0, pc -> pc != loop0, true);
        assertEquals(SuspendReason.STEP, events.nextSuspend().reason());
        assertEquals(loop0, dbg.pc(0));
        assertEquals(count1, count(1), "vCPU 1 never ran");
        assertEquals(pc1, dbg.pc(1));
        assertTrue(dbg.isSuspended(1));
    }

    @Test
    void aWatchpointHitByTheSecondVcpuStopsBoth() throws Exception {
        long count1 = guest.symbol("count1");
        dbg.addWatchpoint(new Watchpoint(count1, 8, Watchpoint.Kind.WRITE, false));
        dbg.resume();
        SuspendEvent e = events.nextSuspend();
        assertEquals(new SuspendEvent(1, SuspendReason.WATCHPOINT, count1), e);
        assertEquals(guest.symbol("store1"), dbg.lastWatchHit().pc());
        assertTrue(dbg.isSuspended(0) && dbg.isSuspended(1));
    }

    private long count(int hart) {
        byte[] b = new byte[8];
        assertEquals(8, dbg.readVirtual(0, guest.symbol("count" + hart), b));
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private void waitUntilCount(int hart, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count(hart) < atLeast) {
            assertTrue(System.nanoTime() < deadline, "count" + hart + " stays at " + count(hart));
            Thread.sleep(5);
        }
    }
}
