package dev.guestbench.debug.core.breakpoints;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.model.GuestDebugTarget;

/**
 * A breakpoint on a line of an assembly source, set at the line's first address as the kernel's line
 * table gives it (a line without code: the next line that has code).
 */
public final class GuestLineBreakpoint extends LineBreakpoint implements GuestBreakpoint {

    private final Map<GuestDebugTarget, Long> addresses = new ConcurrentHashMap<>();

    /** For the breakpoint manager, which restores breakpoints from their markers. */
    public GuestLineBreakpoint() {
    }

    /** A breakpoint on {@code line} (1-based) of {@code resource}, registered with the breakpoint manager by the caller. */
    public GuestLineBreakpoint(IResource resource, int line) throws CoreException {
        run(getMarkerRule(resource), monitor -> {
            IMarker marker = resource.createMarker(GuestDebug.LINE_BREAKPOINT_MARKER);
            setMarker(marker);
            marker.setAttribute(IBreakpoint.ENABLED, Boolean.TRUE);
            marker.setAttribute(IMarker.LINE_NUMBER, line);
            marker.setAttribute(IBreakpoint.ID, GuestDebug.MODEL_ID);
            marker.setAttribute(IMarker.MESSAGE, "Line breakpoint: " + resource.getName() + " [line " + line + "]");
        });
    }

    @Override
    public String getModelIdentifier() {
        return GuestDebug.MODEL_ID;
    }

    /** Where this breakpoint is set in {@code target}, or -1 when its line has no code there. */
    public long address(GuestDebugTarget target) {
        Long a = addresses.get(target);
        return a == null ? -1 : a;
    }

    @Override
    public void install(GuestDebugTarget target) throws CoreException {
        IResource resource = getMarker().getResource();
        String file = resource.getLocation() != null ? resource.getLocation().toOSString() : resource.getName();
        long address = target.kernel().lines().addressOf(file, getLineNumber());
        if (address == -1) {
            address = target.kernel().lines().addressOf(resource.getName(), getLineNumber());
        }
        if (address != -1) {
            addresses.put(target, address);
            target.debugger().addBreakpoint(address);
        }
    }

    @Override
    public void uninstall(GuestDebugTarget target) {
        Long a = addresses.remove(target);
        if (a != null) {
            target.debugger().removeBreakpoint(a);
        }
    }

    @Override
    public boolean stopsAt(GuestDebugTarget target, long address) {
        Long a = addresses.get(target);
        return a != null && a == address;
    }
}
