package dev.guestbench.debug.core.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.IMemoryBlockRetrievalExtension;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.breakpoints.GuestBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestWatchpoint;
import dev.guestbench.vmm.RunResult;
import dev.guestbench.vmm.debug.DebugListener;
import dev.guestbench.vmm.debug.SuspendEvent;
import dev.guestbench.vmm.debug.SuspendReason;
import dev.guestbench.vmm.debug.VmDebugger;
import dev.guestbench.vmm.debug.Watchpoint;

/**
 * A guest VM as the Eclipse debug platform sees it: the debug target, with one thread per vCPU. It turns
 * the {@link VmDebugger}'s events into debug events and keeps the VM's breakpoints in step with the
 * workspace's breakpoints of this model.
 */
public final class GuestDebugTarget extends GuestDebugElement
        implements IDebugTarget, IMemoryBlockRetrievalExtension, DebugListener {

    private final ILaunch launch;
    private final GuestProcess process;
    private final VmDebugger debugger;
    private final KernelImage kernel;
    private final GuestThread[] threads;
    private final List<GuestBreakpoint> installed = new ArrayList<>();
    private volatile boolean instructionStepping;
    /** Counts suspends, so views can tell "what changed since the last suspend". */
    private volatile long suspendCount;
    private volatile SuspendEvent lastSuspend;

    public GuestDebugTarget(ILaunch launch, GuestProcess process, VmDebugger debugger, KernelImage kernel) {
        super(null);
        this.launch = launch;
        this.process = process;
        this.debugger = debugger;
        this.kernel = kernel;
        this.threads = new GuestThread[debugger.harts()];
        for (int h = 0; h < threads.length; h++) {
            threads[h] = new GuestThread(this, h);
        }
        debugger.addListener(this);
    }

    /** Installs the workspace's breakpoints and announces the target; call before the VM starts. */
    public void started() {
        fireCreationEvent();
        for (GuestThread t : threads) {
            t.fireCreationEvent();
        }
        IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
        manager.addBreakpointListener(this);
        for (IBreakpoint b : manager.getBreakpoints(GuestDebug.MODEL_ID)) {
            breakpointAdded(b);
        }
    }

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    /** The VM under debug. */
    public VmDebugger debugger() {
        return debugger;
    }

    /** The kernel's labels and line table. */
    public KernelImage kernel() {
        return kernel;
    }

    /** Whether steps go by instruction rather than by source line. */
    public boolean isInstructionStepping() {
        return instructionStepping;
    }

    public void setInstructionStepping(boolean on) {
        instructionStepping = on;
    }

    /** How many times the VM has been suspended. */
    public long suspendCount() {
        return suspendCount;
    }

    /** The last suspend, or null. */
    public SuspendEvent lastSuspend() {
        return lastSuspend;
    }

    @Override
    public IProcess getProcess() {
        return process;
    }

    @Override
    public IThread[] getThreads() {
        return isTerminated() ? new IThread[0] : threads.clone();
    }

    /** The thread of vCPU {@code hart}. */
    public GuestThread thread(int hart) {
        return threads[hart];
    }

    @Override
    public boolean hasThreads() {
        return !isTerminated();
    }

    @Override
    public String getName() {
        return "Guest VM: " + kernel.name() + " (" + threads.length + (threads.length == 1 ? " vCPU)" : " vCPUs)");
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return breakpoint instanceof GuestBreakpoint && GuestDebug.MODEL_ID.equals(breakpoint.getModelIdentifier());
    }

    // ---- run control ----

    @Override
    public boolean canTerminate() {
        return !isTerminated();
    }

    @Override
    public boolean isTerminated() {
        return debugger.isTerminated();
    }

    @Override
    public void terminate() {
        debugger.terminate();
    }

    /** Resumable while any vCPU is suspended (resume runs them all). */
    @Override
    public boolean canResume() {
        if (isTerminated()) {
            return false;
        }
        for (int h = 0; h < threads.length; h++) {
            if (debugger.isSuspended(h)) {
                return true;
            }
        }
        return false;
    }

    /** Suspendable while any vCPU runs (suspend stops them all). */
    @Override
    public boolean canSuspend() {
        return !isTerminated() && debugger.state() == VmDebugger.State.RUNNING;
    }

    @Override
    public boolean isSuspended() {
        return debugger.state() == VmDebugger.State.SUSPENDED;
    }

    @Override
    public void resume() {
        debugger.resume();
    }

    @Override
    public void suspend() {
        debugger.suspend();
    }

    @Override
    public boolean canDisconnect() {
        return false;
    }

    @Override
    public void disconnect() throws DebugException {
        throw new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
                GuestDebug.PLUGIN_ID, "a guest VM cannot be disconnected from; terminate it"));
    }

    @Override
    public boolean isDisconnected() {
        return false;
    }

    // ---- memory ----

    @Override
    public boolean supportsStorageRetrieval() {
        return true;
    }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        return new GuestMemoryBlock(this, startAddress, length, false);
    }

    /**
     * A memory block for the Memory view: {@code expression} is an {@link AddressExpression} (hex, a kernel
     * label with an offset, {@code phys:} for guest-physical); a guest-virtual block reads through the
     * translation of the vCPU {@code context} belongs to (vCPU 0 for the VM itself).
     */
    @Override
    public IMemoryBlockExtension getExtendedMemoryBlock(String expression, Object context) throws DebugException {
        AddressExpression a;
        try {
            a = AddressExpression.parse(expression, kernel);
        } catch (IllegalArgumentException e) {
            throw new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
                    GuestDebug.PLUGIN_ID, e.getMessage(), e));
        }
        int hart = 0;
        if (context instanceof GuestThread t) {
            hart = t.hart();
        } else if (context instanceof GuestStackFrame f) {
            hart = f.guestThread().hart();
        }
        return new GuestMemoryBlock(this, expression.trim(), a.address(), 4096, a.physical(), hart);
    }

    // ---- breakpoints ----

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
        if (!supportsBreakpoint(breakpoint)) {
            return;
        }
        GuestBreakpoint b = (GuestBreakpoint) breakpoint;
        try {
            if (b.isEnabled() && DebugPlugin.getDefault().getBreakpointManager().isEnabled()) {
                synchronized (installed) {
                    if (!installed.contains(b)) {
                        b.install(this);
                        installed.add(b);
                    }
                }
            }
        } catch (CoreException e) {
            DebugPlugin.log(e);
        }
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
        if (!supportsBreakpoint(breakpoint)) {
            return;
        }
        synchronized (installed) {
            if (installed.remove(breakpoint)) {
                ((GuestBreakpoint) breakpoint).uninstall(this);
            }
        }
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
        if (!supportsBreakpoint(breakpoint)) {
            return;
        }
        breakpointRemoved(breakpoint, delta);
        breakpointAdded(breakpoint);
    }

    /** The installed breakpoints that stop at {@code address} (for the thread's getBreakpoints). */
    IBreakpoint[] breakpointsAt(long address) {
        List<IBreakpoint> l = new ArrayList<>();
        synchronized (installed) {
            for (GuestBreakpoint b : installed) {
                if (b.stopsAt(this, address)) {
                    l.add(b);
                }
            }
        }
        return l.toArray(IBreakpoint[]::new);
    }

    /** The installed watchpoints that set {@code w} (for the thread's getBreakpoints after a watchpoint stop). */
    IBreakpoint[] watchpointsFor(Watchpoint w) {
        List<IBreakpoint> l = new ArrayList<>();
        synchronized (installed) {
            for (GuestBreakpoint b : installed) {
                if (b instanceof GuestWatchpoint g && g.installedAs(this, w)) {
                    l.add(b);
                }
            }
        }
        return l.toArray(IBreakpoint[]::new);
    }

    // ---- events from the VM ----

    @Override
    public void suspended(SuspendEvent event) {
        suspendCount++;
        lastSuspend = event;
        int detail = switch (event.reason()) {
            case BREAKPOINT, TRAP, PAGE_TABLE, WATCHPOINT -> DebugEvent.BREAKPOINT;
            case STEP, RUN_TO -> DebugEvent.STEP_END;
            case CLIENT, ENTRY, IDLE -> DebugEvent.CLIENT_REQUEST;
        };
        // One event per vCPU that stopped now: the one that caused it, and in all-stop fashion those that
        // ran and stopped along (their last stop reason becomes a client's). vCPUs suspended before keep theirs.
        List<DebugEvent> events = new ArrayList<>();
        DebugEvent cause = null;
        for (GuestThread t : threads) {
            if (event.hart() == -1 || t.hart() == event.hart()) {
                // Why first, then suspended: a thread reads as suspended only once its reason is there.
                t.suspendedBy(event);
                boolean changed = t.noteSuspended();
                if (event.hart() == t.hart()) {
                    cause = new DebugEvent(t, DebugEvent.SUSPEND, detail);
                } else if (changed) {
                    events.add(new DebugEvent(t, DebugEvent.SUSPEND, detail));
                }
            } else if (debugger.isSuspended(t.hart()) && !t.suspendReported()) {
                t.suspendedBy(new SuspendEvent(t.hart(), SuspendReason.CLIENT, -1));
                t.noteSuspended();
                events.add(new DebugEvent(t, DebugEvent.SUSPEND, DebugEvent.CLIENT_REQUEST));
            }
        }
        // The cause last: the Debug view selects the thread of the last suspend event. A suspend of the
        // whole VM that changed no thread (the entry stop) is still told, through vCPU 0.
        if (cause != null) {
            events.add(cause);
        } else if (events.isEmpty()) {
            events.add(new DebugEvent(threads[0], DebugEvent.SUSPEND, detail));
        }
        fireEvents(events);
    }

    @Override
    public void resumed(int hart) {
        List<DebugEvent> events = new ArrayList<>();
        for (GuestThread t : threads) {
            if ((hart == -1 || t.hart() == hart) && t.noteResumed()) {
                events.add(new DebugEvent(t, DebugEvent.RESUME, t.takeResumeDetail()));
            }
        }
        fireEvents(events);
    }

    private static void fireEvents(List<DebugEvent> events) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null && !events.isEmpty()) {
            plugin.fireDebugEventSet(events.toArray(DebugEvent[]::new));
        }
    }

    @Override
    public void terminated(RunResult.Ending ending, int failCode) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.getBreakpointManager().removeBreakpointListener(this);
        }
        process.vmEnded(ending, failCode);
        for (GuestThread t : threads) {
            t.fireTerminateEvent();
        }
        fireTerminateEvent();
    }

    @Override
    public void consoleOutput(byte[] bytes) {
        // The process owns the console.
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == VmDebugger.class) {
            return (T) debugger;
        }
        return super.getAdapter(adapter);
    }
}
