package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Composite;

import dev.guestbench.debug.core.breakpoints.GuestWatchpoint;
import dev.guestbench.vmm.debug.Watchpoint;

/** Properties of a watchpoint: enabled, address, length, which accesses stop, guest-physical or not. */
public final class WatchpointPage extends GuestBreakpointPage<GuestWatchpoint> {

    private WatchpointEditor editor;

    public WatchpointPage() {
        super(GuestWatchpoint.class);
    }

    @Override
    void createFields(Composite parent, GuestWatchpoint w) throws CoreException {
        editor = new WatchpointEditor(parent, w.address(), w.length(), w.isAccess(), w.isModification(),
                w.isPhysical());
    }

    @Override
    void applyFields(GuestWatchpoint breakpoint) throws CoreException {
        if (editor != null) {
            Watchpoint w = editor.watchpoint();
            breakpoint.set(w.address(), w.length(), w.kind() != Watchpoint.Kind.WRITE,
                    w.kind() != Watchpoint.Kind.READ, w.physical());
        }
    }
}
