package dev.guestbench.debug.core.breakpoints;

import java.util.Locale;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.model.GuestDebugTarget;

/** A breakpoint at a guest-virtual code address, whatever source (if any) the code came from. */
public final class GuestAddressBreakpoint extends Breakpoint implements GuestBreakpoint {

    /** The marker attribute holding the address, as "0x..." text. */
    public static final String ADDRESS = "dev.guestbench.address";

    public GuestAddressBreakpoint() {
    }

    /** A breakpoint at {@code address}, its marker on {@code resource} (usually the workspace root). */
    public GuestAddressBreakpoint(IResource resource, long address) throws CoreException {
        run(getMarkerRule(resource), monitor -> {
            IMarker marker = resource.createMarker(GuestDebug.ADDRESS_BREAKPOINT_MARKER);
            setMarker(marker);
            marker.setAttribute(IBreakpoint.ENABLED, Boolean.TRUE);
            marker.setAttribute(IBreakpoint.ID, GuestDebug.MODEL_ID);
            marker.setAttribute(ADDRESS, hex(address));
            marker.setAttribute(IMarker.MESSAGE, "Address breakpoint: " + hex(address));
        });
    }

    private static String hex(long address) {
        return String.format(Locale.ROOT, "0x%x", address);
    }

    @Override
    public String getModelIdentifier() {
        return GuestDebug.MODEL_ID;
    }

    /** The guest-virtual address. */
    public long address() throws CoreException {
        String text = getMarker().getAttribute(ADDRESS, "0x0");
        return Long.parseUnsignedLong(text.startsWith("0x") ? text.substring(2) : text, 16);
    }

    /** Moves the breakpoint to {@code address}. */
    public void setAddress(long address) throws CoreException {
        setAttributes(new String[] {ADDRESS, IMarker.MESSAGE},
                new Object[] {hex(address), "Address breakpoint: " + hex(address)});
    }

    @Override
    public void install(GuestDebugTarget target) throws CoreException {
        target.debugger().addBreakpoint(address());
    }

    @Override
    public void uninstall(GuestDebugTarget target) {
        try {
            target.debugger().removeBreakpoint(address());
        } catch (CoreException e) {
            // The marker is gone with its address; nothing to take out.
        }
    }

    @Override
    public boolean stopsAt(GuestDebugTarget target, long address) {
        try {
            return address() == address;
        } catch (CoreException e) {
            return false;
        }
    }
}
