package dev.guestbench.debug.core.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.guestbench.debug.core.model.GuestDebugTarget;

/** A breakpoint of the guest debug model: it knows how to set itself in a VM and take itself out. */
public interface GuestBreakpoint extends IBreakpoint {

    /** Sets the breakpoint in the target's VM. */
    void install(GuestDebugTarget target) throws CoreException;

    /** Takes the breakpoint out of the target's VM. */
    void uninstall(GuestDebugTarget target);

    /** Whether this breakpoint stops a vCPU at {@code address} in the target. */
    boolean stopsAt(GuestDebugTarget target, long address);
}
