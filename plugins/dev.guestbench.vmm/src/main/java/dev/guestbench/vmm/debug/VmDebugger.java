package dev.guestbench.vmm.debug;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import dev.guestbench.vmm.RunResult;
import dev.guestbench.vmm.Vm;
import dev.guestbench.vmm.VmConfig;
import dev.guestbench.vmm.boot.BootException;
import dev.guestbench.vmm.boot.BootSpec;
import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.device.Bus;
import dev.guestbench.vmm.exit.Disposition;
import dev.guestbench.vmm.exit.ExitReason;
import dev.guestbench.vmm.exit.TrapHistory;
import dev.guestbench.vmm.memory.Access;
import dev.guestbench.vmm.memory.GuestPhysicalMap;
import dev.guestbench.vmm.memory.HostMemory;
import dev.guestbench.vmm.memory.MappingEvent;
import dev.guestbench.vmm.memory.MemoryWatch;
import dev.guestbench.vmm.memory.Mmu;
import dev.guestbench.vmm.memory.NestedPaging;
import dev.guestbench.vmm.memory.PageTableSnapshot;
import dev.guestbench.vmm.memory.PagingListener;
import dev.guestbench.vmm.memory.WalkStep;
import dev.guestbench.vmm.sched.Scheduler;

/**
 * A VM under a debugger's control, the one API every debugger front end uses. The VM runs on a thread of
 * its own; each vCPU can be suspended, resumed and stepped by itself (a step, a run-to or a resume of one
 * vCPU runs only that one; the others stay as they are); address, trap and page-table breakpoints and
 * watchpoints suspend every vCPU (all-stop, as gdb does by default); registers, CSRs and memory can be
 * read and written while the vCPU (for memory writes: the whole VM) is suspended. Listeners hear of
 * suspends, resumes, the end and UART output.
 *
 * <p>Commands from other threads are queued for the VM's thread, which pauses the machine at the next
 * slice boundary to take them; nothing else touches the machine while it runs.
 */
public final class VmDebugger {

    /** Where the whole VM stands. */
    public enum State {
        /** {@link #start} has not been called. */
        NOT_STARTED,
        /** At least one vCPU runs. */
        RUNNING,
        /** Every vCPU is suspended. */
        SUSPENDED,
        /** The VM ended. */
        TERMINATED
    }

    private static final long NONE = -1;
    /** The most instructions one source-line step runs (a line that loops on itself ends there). */
    public static final long MAX_LINE_STEP = 1_000_000;

    private final Vm vm;
    private final Vcpu[] cpus;
    private final Scheduler scheduler;
    private final DebugConsole console;
    private final BreakpointTable breakpoints;
    private volatile TrapFilter[] trapFilters = new TrapFilter[0];
    private final List<DebugListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final boolean[] suspended;
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Runnable> commands = new ArrayDeque<>();
    /** Guarded by {@link #lock}: the VM's thread is in (or about to enter) a run of the machine. */
    private boolean inRun;
    private final Thread thread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean started;
    private volatile boolean terminateRequested;
    private volatile boolean terminated;
    /** A trap breakpoint's hit in the current run: the hart, or -1. Written and read on the VM's thread. */
    private int trapHitHart = -1;
    private long trapHitSeq;
    /** The kind of watch that hit: TRAP or PAGE_TABLE. */
    private SuspendReason trapHitReason = SuspendReason.TRAP;
    private volatile PageTableFilter[] pageTableFilters = new PageTableFilter[0];
    private volatile MappingEvent lastMappingEvent;
    private boolean pagingListening;
    private final PagingListener pagingListener = this::mappingChanged;
    private final WatchTable watches;
    /** The watch table's version the MMUs have; read and written on the VM's thread. */
    private int installedWatches;
    private volatile WatchHit lastWatchHit;

    /** Boots a VM of {@code config} from {@code boot} with RAM of its own, every vCPU suspended until {@link #start}. */
    public static VmDebugger boot(VmConfig config, BootSpec boot) throws BootException {
        return new VmDebugger(config, boot, new HostMemory(config.memoryBytes()));
    }

    /** Boots a VM of {@code config} from {@code boot} with RAM from {@code host}. */
    public VmDebugger(VmConfig config, BootSpec boot, HostMemory host) throws BootException {
        String name = "guestbench-vm";
        this.console = new DebugConsole(this::fireOutput, name);
        try {
            this.vm = new Vm(config, boot, console, host, console);
        } catch (BootException | RuntimeException e) {
            console.close();
            throw e;
        }
        this.cpus = vm.vcpus().toArray(Vcpu[]::new);
        this.scheduler = vm.scheduler();
        this.suspended = new boolean[cpus.length];
        java.util.Arrays.fill(suspended, true);
        this.breakpoints = new BreakpointTable(cpus.length, scheduler::requestPause);
        this.watches = new WatchTable(this::watchHit, h -> cpus[h].state.pc);
        this.installedWatches = watches.version();
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    /** The machine (for views that show its state: trap history, memory counters, devices). */
    public Vm vm() {
        return vm;
    }

    /** The number of vCPUs. */
    public int harts() {
        return cpus.length;
    }

    /** The VM's devices, where they are attached; {@code Inspectable} ones show their registers without side effects. */
    public List<Bus.Attachment> devices() {
        return vm.devices();
    }

    /** The trap history. */
    public TrapHistory trapHistory() {
        return vm.trapHistory();
    }

    public void addListener(DebugListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DebugListener listener) {
        listeners.remove(listener);
    }

    /**
     * Starts the VM's thread. With {@code suspended} the vCPUs stay suspended before their first instruction
     * and listeners hear a {@link SuspendReason#ENTRY} suspend; otherwise the machine runs.
     */
    public void start(boolean suspendedAtEntry) {
        if (started) {
            throw new IllegalStateException("the VM was started already");
        }
        started = true;
        thread.start();
        if (suspendedAtEntry) {
            submit(() -> fireSuspended(new SuspendEvent(-1, SuspendReason.ENTRY, cpus[0].state.pc)));
        } else {
            resume();
        }
    }

    // ---- run control -------------------------------------------------------------------------------

    /** Resumes every suspended vCPU. */
    public void resume() {
        submit(() -> resumeHarts(-1));
    }

    /** Resumes vCPU {@code hart}; the others stay as they are. */
    public void resume(int hart) {
        checkHart(hart);
        submit(() -> resumeHarts(hart));
    }

    /** Suspends every vCPU. */
    public void suspend() {
        submit(() -> {
            if (anyRunning()) {
                suspendAll(new SuspendEvent(-1, SuspendReason.CLIENT, NONE));
            }
        });
    }

    /** Suspends vCPU {@code hart}; the others run on. */
    public void suspend(int hart) {
        checkHart(hart);
        submit(() -> {
            synchronized (lock) {
                if (suspended[hart]) {
                    return;
                }
                suspended[hart] = true;
            }
            console.flush();
            fireSuspended(new SuspendEvent(hart, SuspendReason.CLIENT, cpus[hart].state.pc));
        });
    }

    /** Runs one instruction of the suspended vCPU {@code hart} (an exception taken counts as the step). */
    public void stepInstruction(int hart) {
        checkHart(hart);
        submit(() -> step(hart));
    }

    /**
     * Steps over one instruction of vCPU {@code hart}: a call (JAL or JALR that links) runs until it returns
     * to the next instruction (only this vCPU is resumed for it); anything else is one instruction step.
     */
    public void stepOverInstruction(int hart) {
        checkHart(hart);
        submit(() -> {
            HartState s = cpus[hart].state;
            int bits = readInstruction(hart, s.pc);
            if (bits != 0 && isCall(bits)) {
                runToOnThread(hart, s.pc + ((bits & 3) == 3 ? 4 : 2));
            } else {
                step(hart);
            }
        });
    }

    /**
     * Steps vCPU {@code hart} instruction by instruction while {@code sameLine} holds for its pc (a source
     * line step), at most {@link #MAX_LINE_STEP} instructions; with {@code overCalls} each call is run
     * through to its return (meanwhile the other vCPUs that run, run on; suspended ones stay suspended).
     * One suspend event ends it.
     */
    public void stepLine(int hart, LongPredicate sameLine, boolean overCalls) {
        checkHart(hart);
        submit(() -> lineStep(hart, sameLine, overCalls));
    }

    /** Runs until vCPU {@code hart} comes back to its return address (ra): out of a function that has not yet changed ra. */
    public void stepReturn(int hart) {
        checkHart(hart);
        submit(() -> runToOnThread(hart, cpus[hart].state.x[1]));
    }

    /**
     * Resumes vCPU {@code hart} until it reaches {@code address} (or something else stops the VM first); the
     * other vCPUs stay as they are.
     */
    public void runTo(int hart, long address) {
        checkHart(hart);
        submit(() -> runToOnThread(hart, address));
    }

    /** Ends the VM at once; listeners hear {@link DebugListener#terminated}. */
    public void terminate() {
        terminateRequested = true;
        vm.stop();
        console.wake();
        synchronized (lock) {
            lock.notifyAll();
        }
        if (!started) {
            started = true;
            thread.start();
        }
    }

    /** Waits until the VM ended; true if it did within the time. */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** Where the whole VM stands. */
    public State state() {
        if (terminated) {
            return State.TERMINATED;
        }
        if (!started) {
            return State.NOT_STARTED;
        }
        return anyRunning() ? State.RUNNING : State.SUSPENDED;
    }

    /** Whether vCPU {@code hart} is suspended (true before the start and after the end). */
    public boolean isSuspended(int hart) {
        checkHart(hart);
        synchronized (lock) {
            return suspended[hart];
        }
    }

    public boolean isTerminated() {
        return terminated;
    }

    /** How the VM ended, once terminated. */
    public RunResult.Ending ending() {
        return vm.ending();
    }

    /** The guest's failure code when it failed through the test finisher. */
    public int failCode() {
        return vm.failCode();
    }

    // ---- breakpoints -------------------------------------------------------------------------------

    /** Stops every vCPU before the instruction at guest-virtual {@code address}. False if one was set there already. */
    public boolean addBreakpoint(long address) {
        boolean added = breakpoints.add(address);
        if (added) {
            reinstallHooks();
        }
        return added;
    }

    /** Removes the breakpoint at {@code address}; false if there was none. */
    public boolean removeBreakpoint(long address) {
        boolean removed = breakpoints.remove(address);
        if (removed) {
            reinstallHooks();
        }
        return removed;
    }

    /** The addresses of the breakpoints, ascending. */
    public long[] breakpoints() {
        return breakpoints.addresses();
    }

    /** Stops every vCPU after an exit that {@code filter} matches (the trap has been taken or emulated). */
    public void addTrapBreakpoint(TrapFilter filter) {
        synchronized (lock) {
            trapFilters = with(trapFilters, filter);
        }
        reinstallHooks();
    }

    /** Removes a trap breakpoint (one equal to {@code filter}); false if there was none. */
    public boolean removeTrapBreakpoint(TrapFilter filter) {
        boolean removed;
        synchronized (lock) {
            TrapFilter[] before = trapFilters;
            trapFilters = without(before, filter);
            removed = trapFilters != before;
        }
        if (removed) {
            reinstallHooks();
        }
        return removed;
    }

    /** The trap breakpoints' filters. */
    public List<TrapFilter> trapBreakpoints() {
        return List.of(trapFilters);
    }

    /**
     * Stops every vCPU when a guest mapping in the filter's range is created, changed or removed, or a
     * shadow entry for it is synced or invalidated, as the filter's kinds say.
     */
    public void addPageTableBreakpoint(PageTableFilter filter) {
        synchronized (lock) {
            pageTableFilters = with(pageTableFilters, filter);
        }
        reinstallHooks();
    }

    /** Removes a page-table breakpoint (one equal to {@code filter}); false if there was none. */
    public boolean removePageTableBreakpoint(PageTableFilter filter) {
        boolean removed;
        synchronized (lock) {
            PageTableFilter[] before = pageTableFilters;
            pageTableFilters = without(before, filter);
            removed = pageTableFilters != before;
        }
        if (removed) {
            reinstallHooks();
        }
        return removed;
    }

    /** {@code a} and {@code x}: a new array (the old one may still be read by the VM thread). */
    private static <T> T[] with(T[] a, T x) {
        T[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    /** {@code a} without its first element equal to {@code x}; {@code a} itself when it holds none. */
    private static <T> T[] without(T[] a, T x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(x)) {
                T[] b = java.util.Arrays.copyOf(a, a.length - 1);
                System.arraycopy(a, i + 1, b, i, a.length - 1 - i);
                return b;
            }
        }
        return a;
    }

    /**
     * Stops every vCPU right after a guest load, store or atomic that touches the watchpoint's bytes (the
     * instruction retires; {@link #lastWatchHit} tells which access it was). False if it was set already.
     * Accesses by the debugger itself, by devices (virtio DMA) and by the page-table walker do not stop.
     */
    public boolean addWatchpoint(Watchpoint watchpoint) {
        boolean added = watches.add(watchpoint);
        if (added) {
            reinstallHooks();
        }
        return added;
    }

    /** Removes a watchpoint; false if there was none equal to it. */
    public boolean removeWatchpoint(Watchpoint watchpoint) {
        boolean removed = watches.remove(watchpoint);
        if (removed) {
            reinstallHooks();
        }
        return removed;
    }

    /** The watchpoints, in the order they were added. */
    public List<Watchpoint> watchpoints() {
        return List.of(watches.watchpoints());
    }

    /** The access that last stopped the VM at a watchpoint, or null. */
    public WatchHit lastWatchHit() {
        return lastWatchHit;
    }

    /** The mapping change that last stopped the VM at a page-table breakpoint, or null. */
    public MappingEvent lastMappingEvent() {
        return lastMappingEvent;
    }

    /**
     * The page tables vCPU {@code hart} runs under now: the guest's table, the VMM's shadow (shadow mode),
     * with each entry's sync state. Call while the VM is suspended.
     */
    public PageTableSnapshot pageTables(int hart) {
        HartState s = cpu(hart).state;
        return vm.paging().snapshot(s.satp, s.mstatus);
    }

    /**
     * The memory references a two-dimensional walk of guest-virtual {@code va} makes for vCPU {@code hart} now,
     * in order (each guest PTE preceded by the G-stage walk of its address, then the G-stage walk of the data
     * address), changing nothing; empty in shadow mode, where there is no nested walk. Call while suspended.
     */
    public List<WalkStep> nestedWalk(int hart, long va) {
        HartState s = cpu(hart).state;
        return vm.paging() instanceof NestedPaging nested ? nested.trace(s.satp, va) : List.of();
    }

    // ---- registers and memory ----------------------------------------------------------------------

    /** The pc of vCPU {@code hart} (while it runs: a recent value). */
    public long pc(int hart) {
        return cpu(hart).state.pc;
    }

    /** Sets the pc of the suspended vCPU {@code hart}. */
    public void setPc(int hart, long value) {
        checkSuspended(hart);
        cpus[hart].state.pc = value;
    }

    /** Integer register x{@code n} of vCPU {@code hart}. */
    public long gpr(int hart, int n) {
        return cpu(hart).state.x[checkRegister(n)];
    }

    /** Sets x{@code n} of the suspended vCPU {@code hart}; writes to x0 are ignored, as the hardware does. */
    public void setGpr(int hart, int n, long value) {
        checkSuspended(hart);
        if (checkRegister(n) != 0) {
            cpus[hart].state.x[n] = value;
        }
    }

    /** Floating-point register f{@code n} of vCPU {@code hart}, as raw bits. */
    public long fpr(int hart, int n) {
        return cpu(hart).state.f[checkRegister(n)];
    }

    /** Sets f{@code n} of the suspended vCPU {@code hart} (raw bits). */
    public void setFpr(int hart, int n, long bits) {
        checkSuspended(hart);
        cpus[hart].state.f[checkRegister(n)] = bits;
    }

    /** CSR {@code number} of vCPU {@code hart} as the hart would read it in M-mode (0 if the machine lacks it). */
    public long csr(int hart, int number) {
        return vm.csrs().peek(cpu(hart), number);
    }

    /** Writes CSR {@code number} of the suspended vCPU {@code hart}, with the CSR's WARL rules. */
    public void setCsr(int hart, int number, long value) {
        checkSuspended(hart);
        vm.csrs().poke(cpus[hart], number, value);
    }

    /** The privilege vCPU {@code hart} runs at: {@link HartState#PRIV_U}, {@code PRIV_S} or {@code PRIV_M}. */
    public int privilege(int hart) {
        return cpu(hart).state.priv;
    }

    /** Instructions vCPU {@code hart} has retired. */
    public long retired(int hart) {
        return cpu(hart).state.retired;
    }

    /** Whether vCPU {@code hart} waits in WFI. */
    public boolean isWaitingForInterrupt(int hart) {
        return cpu(hart).state.waitingForInterrupt;
    }

    /** Whether vCPU {@code hart} has been started (SBI HSM: secondary harts start stopped in direct boot). */
    public boolean isStarted(int hart) {
        return cpu(hart).state.running;
    }

    /** Reads guest-physical memory; throws IllegalArgumentException outside RAM. */
    public byte[] readPhysical(long gpa, int length) {
        byte[] b = new byte[length];
        vm.ram().read(gpa, b, 0, length);
        return b;
    }

    /**
     * Writes guest-physical memory of the suspended VM; code decoded from it is decoded again and shadows fed
     * by a page-table entry it changes are resynced. Throws IllegalArgumentException outside RAM.
     */
    public void writePhysical(long gpa, byte[] bytes) {
        checkAllSuspended();
        if (!vm.ram().isRam(gpa, bytes.length)) {
            throw new IllegalArgumentException(String.format("[0x%x, 0x%x) is not inside guest RAM", gpa,
                    gpa + bytes.length));
        }
        // Byte by byte through the MMU: a write into a page-table page must resync the shadows it feeds.
        Mmu mmu = cpu(0).mmu;
        for (int i = 0; i < bytes.length; i++) {
            mmu.writePhysicalByte(gpa + i, bytes[i]);
        }
        for (long page = gpa & ~0xfffL; page < gpa + bytes.length; page += 4096) {
            vm.decodeCache().codeWritten(page);
        }
    }

    /**
     * Reads guest-virtual memory as vCPU {@code hart} sees it now (its translation and data privilege) into
     * {@code into}; returns how many bytes could be read before the first address that does not translate
     * or is not RAM.
     */
    public int readVirtual(int hart, long va, byte[] into) {
        Vcpu cpu = cpu(hart);
        int priv = cpu.dataPriv();
        GuestPhysicalMap ram = vm.ram();
        // Page by page through a side-effect-free walk: a debugger's read sets no A bits, fills no TLB and
        // is no access a watchpoint could see.
        int done = 0;
        while (done < into.length) {
            long a = va + done;
            int n = (int) Math.min(into.length - done, 4096 - (a & 0xfff));
            long pa = cpu.mmu.probe(a, Access.LOAD, priv);
            if (pa == -1 || !ram.isRam(pa, n)) {
                return done;
            }
            ram.read(pa, into, done, n);
            done += n;
        }
        return done;
    }

    /** Writes guest-virtual memory as the suspended vCPU {@code hart} would; false at a fault (what came before is written). */
    public boolean writeVirtual(int hart, long va, byte[] bytes) {
        checkAllSuspended();
        Vcpu cpu = cpu(hart);
        int priv = cpu.dataPriv();
        watches.quiet = true;
        try {
            for (int i = 0; i < bytes.length; i++) {
                cpu.mmu.store(va + i, 1, bytes[i], priv);
                if (cpu.mmu.status != Mmu.OK) {
                    return false;
                }
            }
        } finally {
            watches.quiet = false;
            cpu.mmu.codeChanged = false;
        }
        return true;
    }

    /** The 16- or 32-bit instruction at guest-virtual {@code pc} for vCPU {@code hart}, or 0 if unreadable. */
    public int readInstruction(int hart, long pc) {
        byte[] b = new byte[4];
        int n = readVirtual(hart, pc, b);
        if (n < 2) {
            return 0;
        }
        int low = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        if ((low & 3) != 3) {
            return low;
        }
        return n < 4 ? 0 : low | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    /** Types bytes for the guest on the UART. */
    public void sendInput(byte[] bytes) {
        console.type(bytes);
    }

    /** UART output bytes dropped because listeners could not keep up with the guest. */
    public long droppedOutput() {
        return console.dropped();
    }

    // ---- the VM's thread ---------------------------------------------------------------------------

    private void loop() {
        try {
            while (true) {
                Runnable command;
                synchronized (lock) {
                    while (commands.isEmpty() && !anyRunningLocked() && !terminateRequested) {
                        lock.wait();
                    }
                    if (terminateRequested) {
                        break;
                    }
                    command = commands.poll();
                    inRun = command == null;
                }
                if (command != null) {
                    command.run();
                } else {
                    runMachine();
                }
                if (vm.isOff()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug in the hypervisor or a listener: end the session rather than leave it hanging.
            vm.stop();
            System.err.println("guestbench: the debugged VM failed: " + e);
        } finally {
            vm.stop();
            synchronized (lock) {
                java.util.Arrays.fill(suspended, true);
                inRun = false;
            }
            console.close();
            terminated = true;
            ended.countDown();
            for (DebugListener l : listeners) {
                l.terminated(vm.ending(), vm.failCode());
            }
        }
    }

    private void runMachine() {
        synchronized (lock) {
            for (int h = 0; h < cpus.length; h++) {
                scheduler.hold(h, suspended[h]);
            }
        }
        installHooks();
        breakpoints.clearHit();
        trapHitHart = -1;
        RunResult result = vm.run(Long.MAX_VALUE);
        synchronized (lock) {
            inRun = false;
        }
        clearStopRequests();
        switch (result.ending()) {
            case PAUSED -> {
                if (breakpoints.hitHart >= 0) {
                    if (breakpoints.hitTemporary) {
                        // A run-to (step over, step return, run to line) ends for its vCPU only.
                        breakpoints.clearTemporary();
                        suspendOne(new SuspendEvent(breakpoints.hitHart, SuspendReason.RUN_TO, breakpoints.hitAddress));
                    } else {
                        suspendAll(new SuspendEvent(breakpoints.hitHart, SuspendReason.BREAKPOINT,
                                breakpoints.hitAddress));
                    }
                } else if (trapHitHart >= 0) {
                    suspendAll(new SuspendEvent(trapHitHart, trapHitReason, trapHitSeq));
                }
                // Otherwise a command asked for the pause; the loop takes it next.
            }
            case IDLE_FOREVER -> suspendAll(new SuspendEvent(-1, SuspendReason.IDLE, NONE));
            default -> {
                // The machine is off: the loop ends.
            }
        }
    }

    private void step(int hart) {
        synchronized (lock) {
            if (!suspended[hart]) {
                return;
            }
        }
        fireResumed(hart);
        installHooks();
        Vcpu cpu = cpus[hart];
        if (!breakpoints.isEmpty()) {
            breakpoints.resumingFrom(hart, cpu.state.pc);
        }
        trapHitHart = -1;
        scheduler.step(hart);
        clearStopRequests();
        if (vm.isOff()) {
            return;
        }
        console.flush();
        if (trapHitHart >= 0) {
            fireSuspended(new SuspendEvent(hart, trapHitReason, trapHitSeq));
        } else {
            fireSuspended(new SuspendEvent(hart, SuspendReason.STEP, cpu.state.pc));
        }
    }

    private void lineStep(int hart, LongPredicate sameLine, boolean overCalls) {
        synchronized (lock) {
            if (!suspended[hart]) {
                return;
            }
        }
        fireResumed(hart);
        Vcpu cpu = cpus[hart];
        HartState s = cpu.state;
        for (long n = 0; n < MAX_LINE_STEP; n++) {
            int bits = overCalls ? readInstruction(hart, s.pc) : 0;
            if (bits != 0 && isCall(bits)) {
                SuspendEvent other = runUntil(hart, s.pc + ((bits & 3) == 3 ? 4 : 2));
                if (vm.isOff()) {
                    return;
                }
                if (other != null) {
                    suspendAll(other);
                    return;
                }
            } else {
                installHooks();
                if (!breakpoints.isEmpty()) {
                    breakpoints.resumingFrom(hart, s.pc);
                }
                trapHitHart = -1;
                long done = scheduler.step(hart);
                clearStopRequests();
                if (vm.isOff()) {
                    return;
                }
                if (trapHitHart >= 0) {
                    console.flush();
                    fireSuspended(new SuspendEvent(hart, trapHitReason, trapHitSeq));
                    return;
                }
                if (done == 0) {
                    break; // the hart waits for an interrupt: the step ends here
                }
            }
            if (!sameLine.test(s.pc)) {
                break;
            }
        }
        console.flush();
        fireSuspended(new SuspendEvent(hart, SuspendReason.STEP, s.pc));
    }

    /**
     * Runs the whole machine (on the VM's thread) until {@code hart} reaches {@code address}: null when it
     * got there, else the event that stopped it first (a breakpoint, a trap breakpoint, a client's pause).
     */
    private SuspendEvent runUntil(int hart, long address) {
        breakpoints.setTemporary(hart, address);
        synchronized (lock) {
            suspended[hart] = false;
            breakpoints.resumingFrom(hart, cpus[hart].state.pc);
            for (int h = 0; h < cpus.length; h++) {
                scheduler.hold(h, suspended[h]);
            }
            inRun = true;
        }
        installHooks();
        breakpoints.clearHit();
        trapHitHart = -1;
        RunResult result = vm.run(Long.MAX_VALUE);
        synchronized (lock) {
            inRun = false;
            // The other vCPUs that ran stay running (unless what ended the run stops them all, below).
            suspended[hart] = true;
        }
        clearStopRequests();
        breakpoints.clearTemporary();
        if (result.ending() == RunResult.Ending.IDLE_FOREVER) {
            return new SuspendEvent(-1, SuspendReason.IDLE, NONE);
        }
        if (result.ending() != RunResult.Ending.PAUSED) {
            return null;
        }
        if (breakpoints.hitHart >= 0) {
            return breakpoints.hitTemporary ? null
                    : new SuspendEvent(breakpoints.hitHart, SuspendReason.BREAKPOINT, breakpoints.hitAddress);
        }
        if (trapHitHart >= 0) {
            return new SuspendEvent(trapHitHart, trapHitReason, trapHitSeq);
        }
        return new SuspendEvent(-1, SuspendReason.CLIENT, NONE);
    }

    private void runToOnThread(int hart, long address) {
        breakpoints.setTemporary(hart, address);
        resumeHarts(hart);
    }

    private void resumeHarts(int hart) {
        boolean any = false;
        synchronized (lock) {
            for (int h = 0; h < cpus.length; h++) {
                if ((hart == -1 || hart == h) && suspended[h]) {
                    suspended[h] = false;
                    if (!breakpoints.isEmpty()) {
                        breakpoints.resumingFrom(h, cpus[h].state.pc);
                    }
                    any = true;
                }
            }
        }
        if (any) {
            fireResumed(hart);
        }
    }

    private void suspendOne(SuspendEvent event) {
        synchronized (lock) {
            suspended[event.hart()] = true;
        }
        console.flush();
        fireSuspended(event);
    }

    private void suspendAll(SuspendEvent event) {
        synchronized (lock) {
            java.util.Arrays.fill(suspended, true);
        }
        breakpoints.clearTemporary();
        console.flush();
        fireSuspended(event);
    }

    /** Installs the run loop's hooks only where something is set, so that an unwatched VM runs at full speed. */
    private void installHooks() {
        BreakpointTable hook = breakpoints.isEmpty() ? null : breakpoints;
        for (Vcpu cpu : cpus) {
            cpu.breakpoints = hook;
        }
        vm.trapHistory().watch(trapFilters.length == 0 ? null : this::trapRecorded);
        int version = watches.version();
        if (version != installedWatches) {
            installedWatches = version;
            // Only when they changed: installing drops the micro TLBs (so watched pages leave them).
            MemoryWatch watch = watches.isEmpty() ? null : watches;
            for (Vcpu cpu : cpus) {
                cpu.mmu.setWatch(watch);
            }
        }
        // Listening costs (nested mode write-watches the guest's tables): only while a breakpoint asks.
        boolean listen = pageTableFilters.length > 0;
        if (listen != pagingListening) {
            if (listen) {
                vm.paging().addListener(pagingListener);
            } else {
                vm.paging().removeListener(pagingListener);
            }
            pagingListening = listen;
        }
    }

    /** Breakpoints changed: a running machine pauses for a moment on its thread to take them. */
    private void reinstallHooks() {
        submit(this::installHooks);
    }

    private void trapRecorded(long seq, int hartId, ExitReason why, long cause, int priv, long pc, Disposition what,
            long detail) {
        if (trapHitHart >= 0) {
            return;
        }
        for (TrapFilter f : trapFilters) {
            if (f.matches(hartId, why, cause, priv, what, detail)) {
                trapHitHart = hartId;
                trapHitSeq = seq;
                trapHitReason = SuspendReason.TRAP;
                // Leave the hart's loop at the next instruction boundary, not at the end of its slice.
                cpus[hartId].stopRequested = true;
                scheduler.requestPause();
                return;
            }
        }
    }

    private void watchHit(int hart, WatchHit hit) {
        if (trapHitHart >= 0) {
            return;
        }
        trapHitHart = hart;
        trapHitSeq = hit.address();
        trapHitReason = SuspendReason.WATCHPOINT;
        lastWatchHit = hit;
        // The run loop leaves right after the accessing instruction.
        cpus[hart].stopRequested = true;
        scheduler.requestPause();
    }

    private void mappingChanged(MappingEvent e) {
        if (trapHitHart >= 0) {
            return;
        }
        for (PageTableFilter f : pageTableFilters) {
            if (f.matches(e)) {
                int hart = e.hart() >= 0 && e.hart() < cpus.length ? e.hart() : 0;
                trapHitHart = hart;
                trapHitSeq = e.gva();
                trapHitReason = SuspendReason.PAGE_TABLE;
                lastMappingEvent = e;
                cpus[hart].stopRequested = true;
                scheduler.requestPause();
                return;
            }
        }
    }

    private void clearStopRequests() {
        if (!vm.isOff()) {
            for (Vcpu cpu : cpus) {
                cpu.stopRequested = false;
            }
        }
    }

    /** Queues a command for the VM's thread; a running machine pauses to take it and then runs on. */
    private void submit(Runnable command) {
        if (terminated || terminateRequested) {
            return;
        }
        boolean running;
        synchronized (lock) {
            commands.add(command);
            running = inRun;
            lock.notifyAll();
        }
        if (running) {
            scheduler.requestPause();
            console.wake();
        }
    }

    private boolean anyRunning() {
        synchronized (lock) {
            return anyRunningLocked();
        }
    }

    private boolean anyRunningLocked() {
        for (boolean s : suspended) {
            if (!s) {
                return true;
            }
        }
        return false;
    }

    private void fireSuspended(SuspendEvent event) {
        for (DebugListener l : listeners) {
            l.suspended(event);
        }
    }

    private void fireResumed(int hart) {
        for (DebugListener l : listeners) {
            l.resumed(hart);
        }
    }

    private void fireOutput(byte[] bytes) {
        for (DebugListener l : listeners) {
            l.consoleOutput(bytes);
        }
    }

    /** JAL or JALR that writes a link register, or C.JALR (which links through ra). */
    static boolean isCall(int bits) {
        if ((bits & 3) == 3) {
            int opcode = bits & 0x7f;
            return (opcode == 0x6f || opcode == 0x67) && ((bits >>> 7) & 31) != 0;
        }
        int low = bits & 0xffff;
        // c.jalr: 1001 rs1 00000 10 with rs1 != 0.
        return (low & 0xf07f) == 0x9002 && ((low >>> 7) & 31) != 0;
    }

    private Vcpu cpu(int hart) {
        checkHart(hart);
        return cpus[hart];
    }

    private void checkHart(int hart) {
        if (hart < 0 || hart >= cpus.length) {
            throw new IllegalArgumentException("no vCPU " + hart + " (the VM has " + cpus.length + ")");
        }
    }

    private static int checkRegister(int n) {
        if (n < 0 || n > 31) {
            throw new IllegalArgumentException("no register " + n + " (0 to 31)");
        }
        return n;
    }

    private void checkSuspended(int hart) {
        checkHart(hart);
        synchronized (lock) {
            if (!suspended[hart] && !terminated) {
                throw new IllegalStateException("vCPU " + hart + " runs: suspend it before changing its registers");
            }
        }
    }

    private void checkAllSuspended() {
        if (state() == State.RUNNING) {
            throw new IllegalStateException("the VM runs: suspend it before writing its memory");
        }
    }
}
