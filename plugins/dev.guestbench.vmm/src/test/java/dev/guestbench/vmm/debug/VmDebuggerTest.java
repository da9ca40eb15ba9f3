package dev.guestbench.vmm.debug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.guestbench.isa.Csrs;
import dev.guestbench.vmm.RunResult;
import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.device.Bus;
import dev.guestbench.vmm.device.DeviceRegister;
import dev.guestbench.vmm.device.Inspectable;
import dev.guestbench.vmm.exit.ExitReason;
import dev.guestbench.vmm.exit.TrapRecord;
import dev.guestbench.vmm.memory.MappingEvent;
import dev.guestbench.vmm.memory.PageTableSnapshot;
import dev.guestbench.vmm.memory.WalkStep;

class VmDebuggerTest {

    private static final long SBI_DBCN = 0x4442434EL;
    private static DebugGuest counter;
    private VmDebugger dbg;
    private final Recorder events = new Recorder();

    @BeforeAll
    static void build() throws Exception {
        counter = DebugGuest.build("counter");
    }

    @AfterEach
    void end() throws Exception {
        if (dbg != null) {
            dbg.terminate();
            assertTrue(dbg.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private VmDebugger start(DebugGuest guest, boolean suspended) throws Exception {
        dbg = guest.debugger(1);
        dbg.addListener(events);
        dbg.start(suspended);
        return dbg;
    }

    @Test
    void startsSuspendedAtTheEntryAndRunsToTheEnd() throws Exception {
        start(counter, true);
        SuspendEvent entry = events.nextSuspend();
        assertEquals(SuspendReason.ENTRY, entry.reason());
        assertEquals(counter.symbol("_start"), dbg.pc(0));
        assertEquals(VmDebugger.State.SUSPENDED, dbg.state());
        assertEquals(HartState.PRIV_S, dbg.privilege(0));
        dbg.resume();
        assertEquals(RunResult.Ending.PASSED, events.nextEnd());
        assertEquals("ok\n", events.output());
        assertEquals(VmDebugger.State.TERMINATED, dbg.state());
        assertEquals(10, dbg.gpr(0, 9), "s1 after five bumps");
    }

    @Test
    void stopsAtAnAddressBreakpointEachTimeItIsReached() throws Exception {
        start(counter, true);
        events.nextSuspend();
        long bump = counter.symbol("bump");
        assertTrue(dbg.addBreakpoint(bump));
        assertFalse(dbg.addBreakpoint(bump));
        for (int i = 1; i <= 3; i++) {
            dbg.resume();
            SuspendEvent e = events.nextSuspend();
            assertEquals(SuspendReason.BREAKPOINT, e.reason());
            assertEquals(bump, e.detail());
            assertEquals(bump, dbg.pc(0));
            assertEquals(i, dbg.gpr(0, 8), "s0 counts the calls");
            assertEquals(2L * (i - 1), dbg.gpr(0, 9), "s1 before this bump");
        }
        assertTrue(dbg.removeBreakpoint(bump));
        dbg.resume();
        assertEquals(RunResult.Ending.PASSED, events.nextEnd());
    }

    @Test
    void stepsByInstructionAndOverCalls() throws Exception {
        start(counter, true);
        events.nextSuspend();
        long start = counter.symbol("_start");
        dbg.stepInstruction(0);
        SuspendEvent e = events.nextSuspend();
        assertEquals(SuspendReason.STEP, e.reason());
        // li s0, 0 is a compressed c.li: two bytes.
        assertEquals(start + 2, dbg.pc(0));
        dbg.runTo(0, counter.symbol("again") + 2);
        assertEquals(SuspendReason.RUN_TO, events.nextSuspend().reason());
        // At the call: stepping over it lands after it, with bump done.
        long afterCall = counter.symbol("after_call");
        dbg.stepOverInstruction(0);
        assertEquals(SuspendReason.RUN_TO, events.nextSuspend().reason());
        assertEquals(afterCall, dbg.pc(0));
        assertEquals(2, dbg.gpr(0, 9));
    }

    @Test
    void aLineStepRunsUntilThePcLeavesTheLineAndCanStepOverCalls() throws Exception {
        start(counter, true);
        events.nextSuspend();
        long again = counter.symbol("again");
        long afterCall = counter.symbol("after_call");
        long bump = counter.symbol("bump");
        dbg.runTo(0, again);
        events.nextSuspend();
        // "Line" = from `again` up to the call's end, stepping over the call.
        dbg.stepLine(0, pc -> pc != afterCall, true);
        SuspendEvent e = events.nextSuspend();
        assertEquals(SuspendReason.STEP, e.reason());
        assertEquals(afterCall, dbg.pc(0));
        assertEquals(2, dbg.gpr(0, 9), "bump ran inside the step");
        // Into: the same kind of step enters the function.
        dbg.runTo(0, again);
        events.nextSuspend();
        dbg.stepLine(0, pc -> pc != bump && pc != afterCall, false);
        events.nextSuspend();
        assertEquals(bump, dbg.pc(0));
        // A breakpoint inside a call stepped over stops the step there.
        dbg.runTo(0, again);
        events.nextSuspend();
        dbg.addBreakpoint(counter.symbol("bump_ret"));
        dbg.stepLine(0, pc -> pc != afterCall, true);
        e = events.nextSuspend();
        assertEquals(SuspendReason.BREAKPOINT, e.reason());
        assertEquals(counter.symbol("bump_ret"), dbg.pc(0));
    }

    @Test
    void stepReturnLeavesTheFunction() throws Exception {
        start(counter, true);
        events.nextSuspend();
        dbg.addBreakpoint(counter.symbol("bump"));
        dbg.resume();
        events.nextSuspend();
        dbg.stepReturn(0);
        assertEquals(SuspendReason.RUN_TO, events.nextSuspend().reason());
        assertEquals(counter.symbol("after_call"), dbg.pc(0));
    }

    @Test
    void changedRegistersChangeWhatTheGuestDoes() throws Exception {
        start(counter, true);
        events.nextSuspend();
        dbg.addBreakpoint(counter.symbol("after_call"));
        dbg.resume();
        events.nextSuspend();
        assertEquals(1, dbg.gpr(0, 8));
        // s0 = 4: one more round and the loop ends.
        dbg.setGpr(0, 8, 4);
        dbg.setGpr(0, 0, 99);
        assertEquals(0, dbg.gpr(0, 0), "x0 stays zero");
        dbg.removeBreakpoint(counter.symbol("after_call"));
        dbg.resume();
        assertEquals(RunResult.Ending.PASSED, events.nextEnd());
        assertEquals(4, dbg.gpr(0, 9), "s1: two bumps, not five");
    }

    @Test
    void readsAndWritesCsrsWithTheirRules() throws Exception {
        start(counter, true);
        events.nextSuspend();
        int sscratch = Csrs.byName("sscratch").number();
        dbg.setCsr(0, sscratch, 0x1234);
        assertEquals(0x1234, dbg.csr(0, sscratch));
        int satp = Csrs.byName("satp").number();
        assertEquals(0, dbg.csr(0, satp));
        int mhartid = Csrs.byName("mhartid").number();
        assertThrows(IllegalArgumentException.class, () -> dbg.setCsr(0, mhartid, 5));
        int sstatus = Csrs.byName("sstatus").number();
        int mstatus = Csrs.byName("mstatus").number();
        dbg.setCsr(0, sstatus, 1L << 18);
        assertEquals(1L << 18, dbg.csr(0, mstatus) & (1L << 18), "SUM written through sstatus shows in mstatus");
    }

    @Test
    void readsAndWritesMemoryPhysicalAndVirtual() throws Exception {
        start(counter, true);
        events.nextSuspend();
        long start = counter.symbol("_start");
        byte[] physical = dbg.readPhysical(start, 8);
        byte[] virtual = new byte[8];
        assertEquals(8, dbg.readVirtual(0, start, virtual));
        assertArrayEquals(physical, virtual);
        assertEquals(0, dbg.readVirtual(0, 0x4000_0000L, new byte[4]), "no RAM there");
        // Overwrite `li s1, 0` (c.li s1, 0 = 0x4481) with c.li s1, 7 (0x449d): the guest must run the new code.
        assertEquals(0x4481, dbg.readInstruction(0, start + 2));
        dbg.writePhysical(start + 2, new byte[] {(byte) 0x9d, 0x44});
        dbg.resume();
        assertEquals(RunResult.Ending.PASSED, events.nextEnd());
        assertEquals(17, dbg.gpr(0, 9));
    }

    @Test
    void stopsAtAnEcallTrapBreakpointFilteredBySbiFunction() throws Exception {
        start(counter, true);
        events.nextSuspend();
        dbg.addTrapBreakpoint(new TrapFilter(Set.of(ExitReason.ECALL), -1, HartState.PRIV_S, -1, SBI_DBCN, 2));
        dbg.resume();
        SuspendEvent e = events.nextSuspend();
        assertEquals(SuspendReason.TRAP, e.reason());
        TrapRecord r = dbg.trapHistory().get(dbg.trapHistory().size() - 1);
        assertEquals(e.detail(), r.seq());
        assertEquals(ExitReason.ECALL, r.reason());
        assertEquals((SBI_DBCN << 32) | 2, r.detail());
        // Stopped right after the hypercall: the pc is the instruction after the ecall.
        assertEquals(r.pc() + 4, dbg.pc(0));
        dbg.resume();
        assertEquals(SuspendReason.TRAP, events.nextSuspend().reason());
        assertTrue(dbg.removeTrapBreakpoint(dbg.trapBreakpoints().get(0)));
        // Pauses never turn the guest's clock back: the records' virtual times only grow.
        var history = dbg.trapHistory();
        for (int k = 1; k < history.size(); k++) {
            assertTrue(history.get(k).time() >= history.get(k - 1).time(), "time went back at record " + k);
        }
        dbg.resume();
        assertEquals(RunResult.Ending.PASSED, events.nextEnd());
        assertEquals("ok\n", events.output());
    }

    @Test
    void stopsWhenAWatchedGuestMappingIsCreatedAndShowsThePageTables() throws Exception {
        DebugGuest paging = DebugGuest.build("paging");
        start(paging, true);
        events.nextSuspend();
        PageTableFilter devices = new PageTableFilter(0, 0x1000, Set.of(MappingEvent.Kind.CREATED));
        dbg.addPageTableBreakpoint(devices);
        dbg.resume();
        SuspendEvent e = events.nextSuspend();
        assertEquals(SuspendReason.PAGE_TABLE, e.reason());
        MappingEvent m = dbg.lastMappingEvent();
        assertEquals(MappingEvent.Kind.CREATED, m.kind());
        assertEquals(0, m.gva());
        assertEquals(1L << 30, m.size());
        // Stopped right after the store that made the mapping.
        assertEquals(paging.symbol("map_devices") + 4, dbg.pc(0));
        PageTableSnapshot tables = dbg.pageTables(0);
        assertEquals(2, tables.guest().size(), tables.guest().toString());
        assertEquals(0, tables.guest().get(0).gva());
        assertEquals(0x8000_0000L, tables.guest().get(1).gva());
        assertTrue(tables.guest().get(1).isLeaf());
        assertTrue(dbg.removePageTableBreakpoint(devices));
        dbg.resume();
        assertEquals(RunResult.Ending.PASSED, events.nextEnd());
    }

    @Test
    void aPageTableEntryTheDebuggerWritesInPhysicalMemoryHoldsAfterTheGuestsFenceInShadowMode() throws Exception {
        debuggerWritesAPageTableEntry(dev.guestbench.vmm.memory.PagingMode.SHADOW);
    }

    @Test
    void aPageTableEntryTheDebuggerWritesInPhysicalMemoryHoldsAfterTheGuestsFenceInNestedMode() throws Exception {
        debuggerWritesAPageTableEntry(dev.guestbench.vmm.memory.PagingMode.NESTED);
    }

    private void debuggerWritesAPageTableEntry(dev.guestbench.vmm.memory.PagingMode mode) throws Exception {
        DebugGuest poke = DebugGuest.build("ptpoke");
        dbg = poke.debugger(1, mode);
        dbg.addListener(events);
        dbg.start(true);
        events.nextSuspend();
        dbg.addBreakpoint(poke.symbol("poke"));
        dbg.addBreakpoint(poke.symbol("done"));
        dbg.addBreakpoint(poke.symbol("faulted"));
        dbg.resume();
        events.nextSuspend();
        assertEquals(poke.symbol("poke"), dbg.pc(0));
        assertEquals(0x1234, dbg.gpr(0, 10), "read through the alias");
        // Unmap the alias: its root PTE, in a page-table page the shadow paging write-protects.
        dbg.writePhysical(poke.symbol("root") + 8, new byte[8]);
        dbg.resume();
        events.nextSuspend();
        assertEquals(poke.symbol("faulted"), dbg.pc(0), "the fenced read faults on the unmapped alias");
        assertEquals(13, dbg.csr(0, 0x142), "scause: load page fault");
    }

    @Test
    void showsTheNestedWalkOfAnAddressInNestedModeOnly() throws Exception {
        DebugGuest paging = DebugGuest.build("paging");
        dbg = paging.debugger(1, dev.guestbench.vmm.memory.PagingMode.NESTED);
        dbg.addListener(events);
        dbg.start(true);
        events.nextSuspend();
        dbg.addBreakpoint(paging.symbol("map_devices"));
        dbg.resume();
        assertEquals(SuspendReason.BREAKPOINT, events.nextSuspend().reason());
        long pc = dbg.pc(0);
        List<WalkStep> walk = dbg.nestedWalk(0, pc);
        // Sv39 over Sv39x4: the gigapage's PTE (three G-stage references to reach it, one read), then the
        // data address's three G-stage references.
        assertEquals(7, walk.size(), walk.toString());
        for (int i : new int[] {0, 1, 2, 4, 5, 6}) {
            assertTrue(walk.get(i).gstage(), walk.get(i).toString());
            assertEquals(2 - i % 4, walk.get(i).level(), walk.get(i).toString());
            assertTrue((walk.get(i).entry() & 1) != 0, "valid: " + walk.get(i));
        }
        WalkStep pte = walk.get(3);
        assertFalse(pte.gstage());
        assertEquals(2, pte.guestLevel());
        assertEquals(0x200000cfL, pte.entry() & 0xffff_ffffL);
        assertEquals(paging.symbol("root") + 16, pte.address());
        assertEquals(-1, walk.get(6).guestLevel(), "the data address's walk");
        List<WalkStep> unmapped = dbg.nestedWalk(0, 0x4000_0000L);
        assertEquals(4, unmapped.size(), "the walk ends at the invalid guest PTE: " + unmapped);
        assertEquals(0, unmapped.get(3).entry());
        dbg.terminate();
        assertTrue(dbg.awaitTermination(10, TimeUnit.SECONDS));

        dbg = paging.debugger(1);
        dbg.start(true);
        assertEquals(List.of(), dbg.nestedWalk(0, pc), "shadow mode has no nested walk");
    }

    @Test
    void listsTheMachinesDevicesWithTheirRegisters() throws Exception {
        start(counter, true);
        events.nextSuspend();
        List<Bus.Attachment> devices = dbg.devices();
        List<String> names = devices.stream().map(a -> a.device().name() + "@0x" + Long.toHexString(a.base()))
                .toList();
        assertEquals(List.of("test@0x100000", "clint@0x2000000", "plic@0xc000000", "uart0@0x10000000", "mrom@0x1000"),
                names);
        for (Bus.Attachment a : devices) {
            assertTrue(a.device() instanceof Inspectable, a.device().name());
        }
        Inspectable uart = (Inspectable) devices.get(3).device();
        DeviceRegister lsr = uart.registers().stream().filter(r -> r.name().equals("LSR")).findFirst().orElseThrow();
        assertEquals("THRE TEMT", lsr.meaning());
    }

    @Test
    void aFilterThatMatchesNothingNeverStops() {
        TrapFilter f = new TrapFilter(Set.of(ExitReason.ECALL), -1, -1, -1, SBI_DBCN, 2);
        assertFalse(f.matches(0, ExitReason.ECALL, 9, 1, dev.guestbench.vmm.exit.Disposition.HYPERCALL,
                (SBI_DBCN << 32) | 0));
        assertTrue(f.matches(0, ExitReason.ECALL, 9, 1, dev.guestbench.vmm.exit.Disposition.HYPERCALL,
                (SBI_DBCN << 32) | 2));
        assertFalse(f.matches(0, ExitReason.CSR, -1, 1, dev.guestbench.vmm.exit.Disposition.EMULATED, 0));
    }

    @Test
    void suspendsAndTerminatesAGuestThatSpinsForever() throws Exception {
        start(DebugGuest.build("spin"), false);
        Thread.sleep(100);
        assertEquals(VmDebugger.State.RUNNING, dbg.state());
        dbg.suspend();
        SuspendEvent e = events.nextSuspend();
        assertEquals(SuspendReason.CLIENT, e.reason());
        long t0 = dbg.gpr(0, 5);
        assertTrue(t0 > 1000, "it ran: t0 = " + t0);
        Thread.sleep(50);
        assertEquals(t0, dbg.gpr(0, 5), "suspended: nothing runs");
        dbg.resume();
        Thread.sleep(50);
        dbg.terminate();
        assertTrue(dbg.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(RunResult.Ending.QUIT, events.nextEnd());
        dbg = null;
    }

    @Test
    void aGuestFloodingTheUartReachesTheListenerInChunks() throws Exception {
        start(DebugGuest.build("flood"), false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.outputBytes < 1_000_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        dbg.terminate();
        assertTrue(dbg.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(events.outputBytes >= 1_000_000, "output seen: " + events.outputBytes);
        assertTrue(events.outputCalls < events.outputBytes / 100, events.outputCalls + " calls");
        assertTrue(events.output().startsWith("xxxx"));
        dbg = null;
    }

    @Test
    void recognisesCalls() {
        assertTrue(VmDebugger.isCall(0x008000ef), "jal ra, +8");
        assertTrue(VmDebugger.isCall(0x000080e7), "jalr ra, 0(ra)");
        assertFalse(VmDebugger.isCall(0x0080006f), "j +8");
        assertFalse(VmDebugger.isCall(0x00008067), "ret");
        assertTrue(VmDebugger.isCall(0x9082), "c.jalr ra");
        assertFalse(VmDebugger.isCall(0x8082), "c.jr ra (ret)");
    }
}
