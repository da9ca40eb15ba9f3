package dev.guestbench.debug.ui.breakpoints;

import java.util.Set;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import dev.guestbench.debug.core.breakpoints.GuestAddressBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestPageTableBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestTrapBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestWatchpoint;
import dev.guestbench.vmm.debug.PageTableFilter;
import dev.guestbench.vmm.debug.TrapFilter;
import dev.guestbench.vmm.debug.Watchpoint;

/** Adding address, trap and page-table breakpoints and watchpoints from the Breakpoints view. */
public final class BreakpointActions {

    private BreakpointActions() {
    }

    /** Parses "0x80200000", "80200000" (hex) or a decimal with a "#" prefix; null if none. */
    static Long parseAddress(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        try {
            if (s.startsWith("#")) {
                return Long.parseUnsignedLong(s.substring(1));
            }
            return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Asks for an address and adds a breakpoint there. */
    public static void addAddressBreakpoint(Shell shell) {
        IInputValidator valid = t -> parseAddress(t) == null ? "a hex address, e.g. 0x80200000" : null;
        InputDialog d = new InputDialog(shell, "Add Address Breakpoint", "Guest-virtual address:", "0x80200000", valid);
        if (d.open() != Window.OK) {
            return;
        }
        try {
            DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(
                    new GuestAddressBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), parseAddress(d.getValue())));
        } catch (CoreException e) {
            ErrorDialog.openError(shell, "Add Address Breakpoint", null, e.getStatus());
        }
    }

    /** Asks for a trap filter and adds a trap breakpoint with it. */
    public static void addTrapBreakpoint(Shell shell) {
        TrapDialog d = new TrapDialog(shell);
        if (d.open() != Window.OK || d.filter == null) {
            return;
        }
        try {
            DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(
                    new GuestTrapBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), d.filter));
        } catch (CoreException e) {
            ErrorDialog.openError(shell, "Add Trap Breakpoint", null, e.getStatus());
        }
    }

    /** Asks for a range and kinds and adds a page-table breakpoint. */
    public static void addPageTableBreakpoint(Shell shell) {
        PageTableDialog d = new PageTableDialog(shell);
        if (d.open() != Window.OK || d.filter == null) {
            return;
        }
        try {
            DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(
                    new GuestPageTableBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), d.filter));
        } catch (CoreException e) {
            ErrorDialog.openError(shell, "Add Page-Table Breakpoint", null, e.getStatus());
        }
    }

    /** Asks for an address range and the accesses to stop at, and adds a watchpoint. */
    public static void addWatchpoint(Shell shell) {
        WatchpointDialog d = new WatchpointDialog(shell);
        if (d.open() != Window.OK || d.watchpoint == null) {
            return;
        }
        try {
            DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(
                    new GuestWatchpoint(ResourcesPlugin.getWorkspace().getRoot(), d.watchpoint));
        } catch (CoreException e) {
            ErrorDialog.openError(shell, "Add Watchpoint", null, e.getStatus());
        }
    }

    private static final class WatchpointDialog extends Dialog {
        private WatchpointEditor editor;
        Watchpoint watchpoint;

        WatchpointDialog(Shell shell) {
            super(shell);
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText("Add Watchpoint");
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            Composite grid = new Composite(c, SWT.NONE);
            grid.setLayout(new GridLayout(2, false));
            editor = new WatchpointEditor(grid, 0x80200000L, 8, false, true, false);
            return c;
        }

        @Override
        protected void okPressed() {
            try {
                watchpoint = editor.watchpoint();
            } catch (IllegalArgumentException e) {
                MessageDialog.openError(getShell(), "Add Watchpoint", e.getMessage());
                return;
            }
            super.okPressed();
        }
    }

    private static final class PageTableDialog extends Dialog {
        private PageTableFilterEditor editor;
        PageTableFilter filter;

        PageTableDialog(Shell shell) {
            super(shell);
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText("Add Page-Table Breakpoint");
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            Composite grid = new Composite(c, SWT.NONE);
            grid.setLayout(new GridLayout(2, false));
            editor = new PageTableFilterEditor(grid, new PageTableFilter(0, 0x1000, Set.of()));
            return c;
        }

        @Override
        protected void okPressed() {
            try {
                filter = editor.filter();
            } catch (IllegalArgumentException e) {
                MessageDialog.openError(getShell(), "Add Page-Table Breakpoint", e.getMessage());
                return;
            }
            super.okPressed();
        }
    }

    private static final class TrapDialog extends Dialog {
        private TrapFilterEditor editor;
        TrapFilter filter;

        TrapDialog(Shell shell) {
            super(shell);
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText("Add Trap Breakpoint");
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            Composite grid = new Composite(c, SWT.NONE);
            grid.setLayout(new GridLayout(2, false));
            editor = new TrapFilterEditor(grid, new TrapFilter(Set.of(), -1, -1, -1, -1, -1));
            return c;
        }

        @Override
        protected void okPressed() {
            try {
                filter = editor.filter();
            } catch (IllegalArgumentException e) {
                MessageDialog.openError(getShell(), "Add Trap Breakpoint", e.getMessage());
                return;
            }
            super.okPressed();
        }
    }
}
