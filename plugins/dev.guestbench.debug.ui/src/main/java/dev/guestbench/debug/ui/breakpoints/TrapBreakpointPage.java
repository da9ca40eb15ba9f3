package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Composite;

import dev.guestbench.debug.core.breakpoints.GuestTrapBreakpoint;

/** Properties of a trap breakpoint: enabled, and its filter. */
public final class TrapBreakpointPage extends GuestBreakpointPage<GuestTrapBreakpoint> {

    private TrapFilterEditor editor;

    public TrapBreakpointPage() {
        super(GuestTrapBreakpoint.class);
    }

    @Override
    void createFields(Composite parent, GuestTrapBreakpoint breakpoint) throws CoreException {
        editor = new TrapFilterEditor(parent, breakpoint.filter());
    }

    @Override
    void applyFields(GuestTrapBreakpoint breakpoint) throws CoreException {
        if (editor != null) {
            breakpoint.setFilter(editor.filter());
        }
    }
}
