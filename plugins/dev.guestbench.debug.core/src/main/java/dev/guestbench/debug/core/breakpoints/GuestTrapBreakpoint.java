package dev.guestbench.debug.core.breakpoints;

import java.util.EnumSet;
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
import dev.guestbench.vmm.debug.TrapFilter;
import dev.guestbench.vmm.exit.ExitReason;

/**
 * Stops the VM when a trap or exit happens, filtered by VMM exit reason, trap cause, privilege, vCPU and
 * (for ECALLs) SBI extension and function. The filter is kept in the marker's attributes.
 */
public final class GuestTrapBreakpoint extends Breakpoint implements GuestBreakpoint {

    public static final String REASONS = "dev.guestbench.trap.reasons";
    public static final String CAUSE = "dev.guestbench.trap.cause";
    public static final String PRIVILEGE = "dev.guestbench.trap.privilege";
    public static final String HART = "dev.guestbench.trap.hart";
    public static final String SBI_EXTENSION = "dev.guestbench.trap.sbiExtension";
    public static final String SBI_FUNCTION = "dev.guestbench.trap.sbiFunction";

    private final Map<GuestDebugTarget, TrapFilter> installedFilters = new ConcurrentHashMap<>();

    public GuestTrapBreakpoint() {
    }

    /** A trap breakpoint with {@code filter}, its marker on {@code resource} (usually the workspace root). */
    public GuestTrapBreakpoint(IResource resource, TrapFilter filter) throws CoreException {
        run(getMarkerRule(resource), monitor -> {
            IMarker marker = resource.createMarker(GuestDebug.TRAP_BREAKPOINT_MARKER);
            setMarker(marker);
            marker.setAttribute(IBreakpoint.ENABLED, Boolean.TRUE);
            marker.setAttribute(IBreakpoint.ID, GuestDebug.MODEL_ID);
            writeFilter(marker, filter);
        });
    }

    private static void writeFilter(IMarker marker, TrapFilter f) throws CoreException {
        StringBuilder reasons = new StringBuilder();
        for (ExitReason r : f.reasons()) {
            reasons.append(reasons.isEmpty() ? "" : ",").append(r.name());
        }
        marker.setAttributes(new String[] {REASONS, CAUSE, PRIVILEGE, HART, SBI_EXTENSION, SBI_FUNCTION, IMarker.MESSAGE},
                new Object[] {reasons.toString(), Long.toString(f.cause()), f.privilege(), f.hart(),
                    Long.toString(f.sbiExtension()), Long.toString(f.sbiFunction()), describe(f)});
    }

    /** A one-line description of a filter, for the Breakpoints view. */
    public static String describe(TrapFilter f) {
        StringBuilder s = new StringBuilder("Trap breakpoint:");
        if (f.reasons().isEmpty()) {
            s.append(" any exit");
        } else {
            for (ExitReason r : EnumSet.copyOf(f.reasons())) {
                s.append(' ').append(r.label());
            }
        }
        if (f.cause() != -1) {
            s.append(", cause ").append(dev.guestbench.vmm.exit.TrapRecord.causeName(f.cause()));
        }
        if (f.privilege() != -1) {
            s.append(", from ").append(dev.guestbench.vmm.exit.TrapRecord.privName(f.privilege())).append("-mode");
        }
        if (f.hart() != -1) {
            s.append(", vCPU ").append(f.hart());
        }
        if (f.sbiExtension() != -1) {
            s.append(String.format(", SBI extension 0x%x", f.sbiExtension()));
        }
        if (f.sbiFunction() != -1) {
            s.append(", function ").append(f.sbiFunction());
        }
        return s.toString();
    }

    @Override
    public String getModelIdentifier() {
        return GuestDebug.MODEL_ID;
    }

    /** The filter the marker holds. */
    public TrapFilter filter() throws CoreException {
        IMarker m = getMarker();
        Set<ExitReason> reasons = EnumSet.noneOf(ExitReason.class);
        for (String r : m.getAttribute(REASONS, "").split(",")) {
            if (!r.isBlank()) {
                reasons.add(ExitReason.valueOf(r.trim()));
            }
        }
        return new TrapFilter(reasons, Long.parseLong(m.getAttribute(CAUSE, "-1")), m.getAttribute(PRIVILEGE, -1),
                m.getAttribute(HART, -1), Long.parseLong(m.getAttribute(SBI_EXTENSION, "-1")),
                Long.parseLong(m.getAttribute(SBI_FUNCTION, "-1")));
    }

    /** Replaces the filter. */
    public void setFilter(TrapFilter filter) throws CoreException {
        writeFilter(getMarker(), filter);
    }

    @Override
    public void install(GuestDebugTarget target) throws CoreException {
        TrapFilter f = filter();
        installedFilters.put(target, f);
        target.debugger().addTrapBreakpoint(f);
    }

    @Override
    public void uninstall(GuestDebugTarget target) {
        TrapFilter f = installedFilters.remove(target);
        if (f != null) {
            target.debugger().removeTrapBreakpoint(f);
        }
    }

    @Override
    public boolean stopsAt(GuestDebugTarget target, long address) {
        return false;
    }
}
