package dev.guestbench.debug.core.model;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;

import dev.guestbench.isa.elf.DwarfLineTable;
import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.debug.SuspendEvent;
import dev.guestbench.vmm.debug.VmDebugger;

/**
 * One vCPU as a thread. It has one stack frame, the current pc (assembly keeps no frame records the
 * debugger could trust); steps go by source line through the kernel's line table, or by instruction
 * when the target is in instruction-stepping mode or the pc has no line.
 */
public final class GuestThread extends GuestDebugElement implements IThread {

    private final int hart;
    private volatile GuestStackFrame frame;
    private volatile SuspendEvent lastSuspend;
    private volatile int resumeDetail = DebugEvent.CLIENT_REQUEST;
    private volatile boolean stepping;
    /** Register values as the views read them after the previous suspend, and after this one. */
    private final java.util.Map<String, Long> previousValues = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Long> seenValues = new java.util.concurrent.ConcurrentHashMap<>();

    GuestThread(GuestDebugTarget target, int hart) {
        super(target);
        this.hart = hart;
    }

    /** The vCPU's number (its hart id). */
    public int hart() {
        return hart;
    }

    private VmDebugger vm() {
        return guestTarget().debugger();
    }

    void clearCaches() {
        frame = null;
    }

    void suspendedBy(SuspendEvent event) {
        previousValues.clear();
        previousValues.putAll(seenValues);
        seenValues.clear();
        lastSuspend = event;
        stepping = false;
        frame = null;
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
        GuestStackFrame f = frame;
        if (f == null) {
            f = new GuestStackFrame(this, vm().pc(hart));
            frame = f;
        }
        return f;
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
            state = "suspended" + (e == null ? "" : ": " + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
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
        return vm().isSuspended(hart) && !vm().isTerminated();
    }

    @Override
    public void resume() {
        // Resuming a thread resumes the VM, as a debugger of a multi-core machine in all-stop mode does.
        guestTarget().resume();
    }

    @Override
    public void suspend() {
        guestTarget().suspend();
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

    @Override
    public void terminate() {
        guestTarget().terminate();
    }
}
