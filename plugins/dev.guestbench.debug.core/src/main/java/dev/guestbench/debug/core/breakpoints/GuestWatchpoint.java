package dev.guestbench.debug.core.breakpoints;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IWatchpoint;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.vmm.debug.Watchpoint;

/**
 * A watchpoint on guest memory: stops the VM right after a guest access to a guest-virtual (or
 * guest-physical) range of bytes. "Access" is the platform's name for reads, "modification" for writes;
 * both ticked watch every access (gdb's awatch), neither leaves the watchpoint without effect. Range and
 * kinds are kept in the marker.
 */
public final class GuestWatchpoint extends Breakpoint implements GuestBreakpoint, IWatchpoint {

    public static final String ADDRESS = "dev.guestbench.watch.address";
    public static final String LENGTH = "dev.guestbench.watch.length";
    public static final String READ = "dev.guestbench.watch.read";
    public static final String WRITE = "dev.guestbench.watch.write";
    public static final String PHYSICAL = "dev.guestbench.watch.physical";

    private final Map<GuestDebugTarget, Watchpoint> installedWatchpoints = new ConcurrentHashMap<>();

    public GuestWatchpoint() {
    }

    /** A watchpoint like {@code w}, its marker on {@code resource} (usually the workspace root). */
    public GuestWatchpoint(IResource resource, Watchpoint w) throws CoreException {
        run(getMarkerRule(resource), monitor -> {
            IMarker marker = resource.createMarker(GuestDebug.WATCHPOINT_MARKER);
            setMarker(marker);
            marker.setAttribute(IBreakpoint.ENABLED, Boolean.TRUE);
            marker.setAttribute(IBreakpoint.ID, GuestDebug.MODEL_ID);
            marker.setAttributes(attributeNames(), values(w.address(), w.length(),
                    w.kind() != Watchpoint.Kind.WRITE, w.kind() != Watchpoint.Kind.READ, w.physical()));
        });
    }

    private static String[] attributeNames() {
        return new String[] {ADDRESS, LENGTH, READ, WRITE, PHYSICAL, IMarker.MESSAGE};
    }

    private static Object[] values(long address, int length, boolean read, boolean write, boolean physical) {
        return new Object[] {String.format(Locale.ROOT, "0x%x", address), length, read, write, physical,
            describe(address, length, read, write, physical)};
    }

    /** "Write watchpoint: [0x80201000, +8) virtual", for the Breakpoints view. */
    public static String describe(long address, int length, boolean read, boolean write, boolean physical) {
        String kind = read && write ? "Access" : read ? "Read" : write ? "Write" : "Inactive (neither read nor write)";
        return String.format(Locale.ROOT, "%s watchpoint: [0x%x, +%d) %s", kind, address, length,
                physical ? "guest-physical" : "guest-virtual");
    }

    @Override
    public String getModelIdentifier() {
        return GuestDebug.MODEL_ID;
    }

    /** The first watched address. */
    public long address() throws CoreException {
        String text = getMarker().getAttribute(ADDRESS, "0x0");
        return Long.parseUnsignedLong(text.startsWith("0x") ? text.substring(2) : text, 16);
    }

    /** How many bytes are watched. */
    public int length() throws CoreException {
        return getMarker().getAttribute(LENGTH, 1);
    }

    /** Whether the range is guest-physical (else guest-virtual). */
    public boolean isPhysical() throws CoreException {
        return getMarker().getAttribute(PHYSICAL, false);
    }

    /** The hypervisor's watchpoint this one sets, or null when it watches neither reads nor writes. */
    public Watchpoint watchpoint() throws CoreException {
        boolean read = isAccess();
        boolean write = isModification();
        if (!read && !write) {
            return null;
        }
        Watchpoint.Kind kind = read && write ? Watchpoint.Kind.ACCESS : read ? Watchpoint.Kind.READ : Watchpoint.Kind.WRITE;
        try {
            return new Watchpoint(address(), length(), kind, isPhysical());
        } catch (IllegalArgumentException e) {
            throw GuestDebug.error("bad watchpoint: " + e.getMessage(), e);
        }
    }

    /** Replaces range, kinds and space; IllegalArgumentException (before anything changes) for a bad range. */
    public void set(long address, int length, boolean read, boolean write, boolean physical) throws CoreException {
        new Watchpoint(address, length, Watchpoint.Kind.ACCESS, physical);
        setAttributes(attributeNames(), values(address, length, read, write, physical));
    }

    /** One-line description of what the marker holds now. */
    public String describe() throws CoreException {
        return describe(address(), length(), isAccess(), isModification(), isPhysical());
    }

    // ---- IWatchpoint: access = reads, modification = writes ----

    @Override
    public boolean isAccess() throws CoreException {
        return getMarker().getAttribute(READ, false);
    }

    @Override
    public void setAccess(boolean access) throws CoreException {
        set(address(), length(), access, isModification(), isPhysical());
    }

    @Override
    public boolean isModification() throws CoreException {
        return getMarker().getAttribute(WRITE, true);
    }

    @Override
    public void setModification(boolean modification) throws CoreException {
        set(address(), length(), isAccess(), modification, isPhysical());
    }

    @Override
    public boolean supportsAccess() {
        return true;
    }

    @Override
    public boolean supportsModification() {
        return true;
    }

    // ---- GuestBreakpoint ----

    @Override
    public void install(GuestDebugTarget target) throws CoreException {
        Watchpoint w = watchpoint();
        if (w != null) {
            installedWatchpoints.put(target, w);
            target.debugger().addWatchpoint(w);
        }
    }

    @Override
    public void uninstall(GuestDebugTarget target) {
        Watchpoint w = installedWatchpoints.remove(target);
        if (w != null) {
            target.debugger().removeWatchpoint(w);
        }
    }

    @Override
    public boolean stopsAt(GuestDebugTarget target, long address) {
        return false;
    }

    /** Whether this breakpoint set {@code w} in {@code target} (the one a watchpoint stop names). */
    public boolean installedAs(GuestDebugTarget target, Watchpoint w) {
        return w.equals(installedWatchpoints.get(target));
    }
}
