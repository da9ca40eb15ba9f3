package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Composite;

import dev.guestbench.debug.core.breakpoints.GuestPageTableBreakpoint;

/** Properties of a page-table breakpoint: enabled, range and kinds. */
public final class PageTableBreakpointPage extends GuestBreakpointPage<GuestPageTableBreakpoint> {

    private PageTableFilterEditor editor;

    public PageTableBreakpointPage() {
        super(GuestPageTableBreakpoint.class);
    }

    @Override
    void createFields(Composite parent, GuestPageTableBreakpoint breakpoint) throws CoreException {
        editor = new PageTableFilterEditor(parent, breakpoint.filter());
    }

    @Override
    void applyFields(GuestPageTableBreakpoint breakpoint) throws CoreException {
        if (editor != null) {
            breakpoint.setFilter(editor.filter());
        }
    }
}
