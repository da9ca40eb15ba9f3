package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.dialogs.PropertyPage;

import dev.guestbench.debug.core.breakpoints.GuestPageTableBreakpoint;

/** Properties of a page-table breakpoint: enabled, range and kinds. */
public final class PageTableBreakpointPage extends PropertyPage {

    private Button enabled;
    private PageTableFilterEditor editor;

    private GuestPageTableBreakpoint breakpoint() {
        GuestPageTableBreakpoint b = getElement().getAdapter(GuestPageTableBreakpoint.class);
        return b != null ? b : (GuestPageTableBreakpoint) getElement();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        enabled = new Button(c, SWT.CHECK);
        enabled.setText("&Enabled");
        enabled.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        try {
            enabled.setSelection(breakpoint().isEnabled());
            editor = new PageTableFilterEditor(c, breakpoint().filter());
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        return c;
    }

    @Override
    public boolean performOk() {
        try {
            breakpoint().setEnabled(enabled.getSelection());
            if (editor != null) {
                breakpoint().setFilter(editor.filter());
            }
            return true;
        } catch (CoreException | IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}
