package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.guestbench.debug.core.breakpoints.GuestAddressBreakpoint;

/** Properties of an address breakpoint: enabled, and the address. */
public final class AddressBreakpointPage extends GuestBreakpointPage<GuestAddressBreakpoint> {

    private Text address;

    public AddressBreakpointPage() {
        super(GuestAddressBreakpoint.class);
    }

    @Override
    void createFields(Composite parent, GuestAddressBreakpoint breakpoint) throws CoreException {
        new Label(parent, SWT.NONE).setText("&Address:");
        address = new Text(parent, SWT.BORDER);
        address.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        address.setText(String.format("0x%x", breakpoint.address()));
        address.addModifyListener(e -> {
            setErrorMessage(BreakpointActions.parseAddress(address.getText()) == null ? "Not a hex address." : null);
            setValid(getErrorMessage() == null);
        });
    }

    @Override
    void applyFields(GuestAddressBreakpoint breakpoint) throws CoreException {
        if (address == null) {
            return;
        }
        breakpoint.setAddress(BreakpointActions.parseAddress(address.getText()));
    }
}
