package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.dialogs.PropertyPage;

/** The properties page every guest breakpoint kind shares: "Enabled", then the kind's own fields. */
abstract class GuestBreakpointPage<B extends Breakpoint> extends PropertyPage {

    private final Class<B> type;
    private Button enabled;

    GuestBreakpointPage(Class<B> type) {
        this.type = type;
    }

    /** Adds the kind's fields (two columns) showing {@code breakpoint}'s values. */
    abstract void createFields(Composite parent, B breakpoint) throws CoreException;

    /** Writes the fields into {@code breakpoint}. */
    abstract void applyFields(B breakpoint) throws CoreException;

    final B breakpoint() {
        B b = getElement().getAdapter(type);
        return b != null ? b : type.cast(getElement());
    }

    @Override
    protected final Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        enabled = new Button(c, SWT.CHECK);
        enabled.setText("&Enabled");
        enabled.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        try {
            enabled.setSelection(breakpoint().isEnabled());
            createFields(c, breakpoint());
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        return c;
    }

    @Override
    public final boolean performOk() {
        try {
            breakpoint().setEnabled(enabled.getSelection());
            applyFields(breakpoint());
            return true;
        } catch (CoreException | IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}
