package dev.guestbench.debug.core.breakpoints;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.vmm.debug.PageTableFilter;
import dev.guestbench.vmm.memory.MappingEvent;

/**
 * Stops the VM when a mapping in a guest-virtual range is created, changed or removed, or a shadow entry
 * for it is synced or invalidated (the kinds ticked). Range and kinds are kept in the marker.
 */
public final class GuestPageTableBreakpoint extends Breakpoint implements GuestBreakpoint {

    public static final String START = "dev.guestbench.pt.start";
    public static final String END = "dev.guestbench.pt.end";
    public static final String KINDS = "dev.guestbench.pt.kinds";

    private final Map<GuestDebugTarget, PageTableFilter> installedFilters = new ConcurrentHashMap<>();

    public GuestPageTableBreakpoint() {
    }

    /** A page-table breakpoint with {@code filter}, its marker on {@code resource} (usually the workspace root). */
    public GuestPageTableBreakpoint(IResource resource, PageTableFilter filter) throws CoreException {
        run(getMarkerRule(resource), monitor -> {
            IMarker marker = resource.createMarker(GuestDebug.PAGE_TABLE_BREAKPOINT_MARKER);
            setMarker(marker);
            marker.setAttribute(IBreakpoint.ENABLED, Boolean.TRUE);
            marker.setAttribute(IBreakpoint.ID, GuestDebug.MODEL_ID);
            writeFilter(marker, filter);
        });
    }

    private static void writeFilter(IMarker marker, PageTableFilter f) throws CoreException {
        StringBuilder kinds = new StringBuilder();
        for (MappingEvent.Kind k : f.kinds()) {
            kinds.append(kinds.isEmpty() ? "" : ",").append(k.name());
        }
        marker.setAttributes(new String[] {START, END, KINDS, IMarker.MESSAGE},
                new Object[] {Long.toHexString(f.start()), Long.toHexString(f.end()), kinds.toString(), describe(f)});
    }

    /** A one-line description, for the Breakpoints view. */
    public static String describe(PageTableFilter f) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Page-table breakpoint: [0x%x, 0x%x)", f.start(),
                f.end()));
        if (f.kinds().isEmpty()) {
            s.append(" any change");
        } else {
            for (MappingEvent.Kind k : EnumSet.copyOf(f.kinds())) {
                s.append(' ').append(k.name().toLowerCase(Locale.ROOT));
            }
        }
        return s.toString();
    }

    @Override
    public String getModelIdentifier() {
        return GuestDebug.MODEL_ID;
    }

    /** The filter the marker holds. */
    public PageTableFilter filter() throws CoreException {
        IMarker m = getMarker();
        Set<MappingEvent.Kind> kinds = EnumSet.noneOf(MappingEvent.Kind.class);
        for (String k : m.getAttribute(KINDS, "").split(",")) {
            if (!k.isBlank()) {
                kinds.add(MappingEvent.Kind.valueOf(k.trim()));
            }
        }
        return new PageTableFilter(Long.parseUnsignedLong(m.getAttribute(START, "0"), 16),
                Long.parseUnsignedLong(m.getAttribute(END, "1000"), 16), kinds);
    }

    /** Replaces the filter. */
    public void setFilter(PageTableFilter filter) throws CoreException {
        writeFilter(getMarker(), filter);
    }

    @Override
    public void install(GuestDebugTarget target) throws CoreException {
        PageTableFilter f = filter();
        installedFilters.put(target, f);
        target.debugger().addPageTableBreakpoint(f);
    }

    @Override
    public void uninstall(GuestDebugTarget target) {
        PageTableFilter f = installedFilters.remove(target);
        if (f != null) {
            target.debugger().removePageTableBreakpoint(f);
        }
    }

    @Override
    public boolean stopsAt(GuestDebugTarget target, long address) {
        return false;
    }
}
