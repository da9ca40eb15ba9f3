package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PropertyPage;

import dev.guestbench.debug.core.breakpoints.GuestAddressBreakpoint;

/** Properties of an address breakpoint: enabled, and the address. */
public final class AddressBreakpointPage extends PropertyPage {

    private Button enabled;
    private Text address;

    private GuestAddressBreakpoint breakpoint() {
        return getElement().getAdapter(GuestAddressBreakpoint.class) != null
                ? getElement().getAdapter(GuestAddressBreakpoint.class) : (GuestAddressBreakpoint) getElement();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        enabled = new Button(c, SWT.CHECK);
        enabled.setText("&Enabled");
        enabled.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(c, SWT.NONE).setText("&Address:");
        address = new Text(c, SWT.BORDER);
        address.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        try {
            enabled.setSelection(breakpoint().isEnabled());
            address.setText(String.format("0x%x", breakpoint().address()));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        address.addModifyListener(e -> {
            setErrorMessage(BreakpointActions.parseAddress(address.getText()) == null ? "Not a hex address." : null);
            setValid(getErrorMessage() == null);
        });
        return c;
    }

    @Override
    public boolean performOk() {
        try {
            breakpoint().setEnabled(enabled.getSelection());
            breakpoint().setAddress(BreakpointActions.parseAddress(address.getText()));
            return true;
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}
