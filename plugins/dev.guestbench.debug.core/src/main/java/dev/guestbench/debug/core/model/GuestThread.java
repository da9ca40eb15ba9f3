package dev.guestbench.debug.core.model;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;

import dev.guestbench.isa.elf.DwarfLineTable;
import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.debug.SuspendEvent;
import dev.guestbench.vmm.debug.SuspendReason;
import dev.guestbench.vmm.debug.VmDebugger;
import dev.guestbench.vmm.debug.WatchHit;

/**
 * One vCPU as a thread. It has one stack frame, the current pc (assembly keeps no frame records the
 * debugger could trust); steps go by source line through the kernel's line table, or by instruction
 * when the target is in instruction-stepping mode or the pc has no line. Resume, suspend and steps act
 * on this vCPU alone; a breakpoint any vCPU hits stops them all.
 */
public final class GuestThread extends GuestDebugElement implements IThread {

    private final int hart;
    /** The one frame, moved to the pc at each suspend (see {@link GuestStackFrame}). */
    private final GuestStackFrame frame;
    private volatile SuspendEvent lastSuspend;
    /** The access that stopped this vCPU at a watchpoint, or null. */
    private volatile WatchHit watchHit;
    private volatile int resumeDetail = DebugEvent.CLIENT_REQUEST;
    private volatile boolean stepping;
    /**
     * Whether the last run-state event this thread fired was a suspend (so each change is told once). False
     * until the first: a VM not yet started holds its vCPUs, but they have not stopped anywhere yet.
     */
    private volatile boolean suspendedSeen;
    /** Register values as the views read them after the previous suspend, and after this one. */
    private final java.util.Map<String, Long> previousValues = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Long> seenValues = new java.util.concurrent.ConcurrentHashMap<>();

    GuestThread(GuestDebugTarget target, int hart) {
        super(target);
        this.hart = hart;
        this.frame = new GuestStackFrame(this, target.debugger().pc(hart));
    }

    /** The vCPU's number (its hart id). */
    public int hart() {
        return hart;
    }

    private VmDebugger vm() {
        return guestTarget().debugger();
    }

    /** Moves the frame to the vCPU's pc now (after a suspend or a pc write). */
    void followPc() {
        if (vm().isSuspended(hart)) {
            frame.moveTo(vm().pc(hart));
        }
    }

    void suspendedBy(SuspendEvent event) {
        previousValues.clear();
        previousValues.putAll(seenValues);
        seenValues.clear();
        lastSuspend = event;
        watchHit = event.reason() == SuspendReason.WATCHPOINT && event.hart() == hart ? vm().lastWatchHit() : null;
        stepping = false;
        followPc();
    }

    /** Notes a suspend; true if the thread was running as far as its events told. */
    /** Whether the last run-state event this thread fired was a suspend. */
    boolean suspendReported() {
        return suspendedSeen;
    }

    boolean noteSuspended() {
        boolean was = !suspendedSeen;
        suspendedSeen = true;
        return was;
    }

    /** Notes a resume; true if the thread was suspended as far as its events told. */
    boolean noteResumed() {
        boolean was = suspendedSeen;
        suspendedSeen = false;
        return was;
    }

    int takeResumeDetail() {
        int d = resumeDetail;
        resumeDetail = DebugEvent.CLIENT_REQUEST;
        return d;
    }

    /** Notes a register's value as read now; true if it differs from its value at the previous suspend. */
    boolean noteValue(String register, long value) {
        seenValues.put(register, value);
        Long before = previousValues.get(register);
        return before != null && before != value;
    }

    /** The access that stopped this vCPU at a watchpoint when that is why it stopped last, else null. */
    public WatchHit watchHit() {
        return watchHit;
    }

    /** Why this vCPU last stopped, or null. */
    public SuspendEvent lastSuspend() {
        return lastSuspend;
    }

    @Override
    public IStackFrame[] getStackFrames() throws DebugException {
        IStackFrame top = getTopStackFrame();
        return top == null ? new IStackFrame[0] : new IStackFrame[] {top};
    }

    @Override
    public boolean hasStackFrames() {
        return isSuspended();
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public IStackFrame getTopStackFrame() {
        if (!isSuspended()) {
            return null;
        }
        frame.moveTo(vm().pc(hart));
        return frame;
    }

    @Override
    public String getName() {
        VmDebugger vm = vm();
        String state;
        if (vm.isTerminated()) {
            state = "terminated";
        } else if (!vm.isSuspended(hart)) {
            state = "running";
        } else if (!vm.isStarted(hart)) {
            state = "stopped (not started by SBI HSM)";
        } else {
            SuspendEvent e = lastSuspend;
            WatchHit hit = watchHit;
            state = "suspended" + (e == null ? "" : ": " + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    + (hit == null ? "" : " " + hit.describe());
        }
        return "vCPU " + hart + " [" + privilegeName(vm.privilege(hart)) + "-mode] (" + state + ")";
    }

    private static String privilegeName(int priv) {
        return switch (priv) {
            case HartState.PRIV_U -> "U";
            case HartState.PRIV_S -> "S";
            default -> "M";
        };
    }

    @Override
    public IBreakpoint[] getBreakpoints() {
        SuspendEvent e = lastSuspend;
        if (e == null || !isSuspended() || e.hart() != hart) {
            return new IBreakpoint[0];
        }
        WatchHit hit = watchHit;
        if (hit != null) {
            return guestTarget().watchpointsFor(hit.watchpoint());
        }
        return guestTarget().breakpointsAt(vm().pc(hart));
    }

    // ---- run control ----

    @Override
    public boolean canResume() {
        return isSuspended() && !vm().isTerminated();
    }

    @Override
    public boolean canSuspend() {
        return !isSuspended() && !vm().isTerminated();
    }

    @Override
    public boolean isSuspended() {
        // Suspended once the model has taken the VM's suspend (its reason and event), not the instant the
        // VM thread stops: a client that sees a suspended thread then finds why.
        return suspendedSeen && vm().isSuspended(hart) && !vm().isTerminated();
    }

    /** Resumes this vCPU only; the others stay as they are (the target's resume runs them all). */
    @Override
    public void resume() {
        resumeDetail = DebugEvent.CLIENT_REQUEST;
        vm().resume(hart);
    }

    /** Suspends this vCPU only; the others run on. */
    @Override
    public void suspend() {
        vm().suspend(hart);
    }

    @Override
    public boolean canStepInto() {
        return canResume();
    }

    @Override
    public boolean canStepOver() {
        return canResume();
    }

    @Override
    public boolean canStepReturn() {
        return canResume();
    }

    @Override
    public boolean isStepping() {
        return stepping;
    }

    @Override
    public void stepInto() {
        step(false);
    }

    @Override
    public void stepOver() {
        step(true);
    }

    private void step(boolean over) {
        stepping = true;
        resumeDetail = over ? DebugEvent.STEP_OVER : DebugEvent.STEP_INTO;
        VmDebugger vm = vm();
        DwarfLineTable lines = guestTarget().kernel().lines();
        DwarfLineTable.Row row = lines.rowAt(vm.pc(hart));
        if (guestTarget().isInstructionStepping() || row == null) {
            if (over) {
                vm.stepOverInstruction(hart);
            } else {
                vm.stepInstruction(hart);
            }
            return;
        }
        // A source line step: on while the pc is on the same line (or in code without lines inside a call).
        String file = row.file();
        int line = row.line();
        vm.stepLine(hart, pc -> {
            DwarfLineTable.Row r = lines.rowAt(pc);
            return r != null && r.line() == line && r.file().equals(file);
        }, over);
    }

    @Override
    public void stepReturn() {
        stepping = true;
        resumeDetail = DebugEvent.STEP_RETURN;
        vm().stepReturn(hart);
    }

    /** Runs the VM until this vCPU reaches {@code address}. */
    public void runTo(long address) {
        resumeDetail = DebugEvent.CLIENT_REQUEST;
        vm().runTo(hart, address);
    }

    @Override
    public boolean canTerminate() {
        return guestTarget().canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return guestTarget().isTerminated();
    }

    /**
     * Terminates the VM, as a thread's terminate does in Eclipse's debuggers: stopping one vCPU under a
     * running kernel (the SBI's hart_stop is the kernel's own call to make) would leave it waiting for a
     * hart that never answers.
     */
    @Override
    public void terminate() {
        guestTarget().terminate();
    }
}
