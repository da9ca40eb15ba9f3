package dev.guestbench.debug.ui.breakpoints;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.guestbench.debug.core.model.AddressExpression;
import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.ui.GuestContext;
import dev.guestbench.vmm.debug.Watchpoint;

/**
 * The fields of a watchpoint (two columns): address (hex, or a label of the debugged kernel), length,
 * which accesses stop, and whether the address is guest-physical.
 */
final class WatchpointEditor {

    private static final String[] KINDS = {"write (watch)", "read (rwatch)", "read or write (awatch)"};

    private final Text address;
    private final Text length;
    private final Combo kind;
    private final Button physical;

    WatchpointEditor(Composite parent, long initialAddress, int initialLength, boolean read, boolean write,
            boolean isPhysical) {
        new Label(parent, SWT.NONE).setText("&Address:");
        address = new Text(parent, SWT.BORDER);
        address.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        address.setText(String.format(Locale.ROOT, "0x%x", initialAddress));
        address.setToolTipText("Hex (0x80201000), a label of the kernel (counter, buf+0x10), or phys:0x80000000");
        new Label(parent, SWT.NONE).setText("&Length (bytes):");
        length = new Text(parent, SWT.BORDER);
        length.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        length.setText(Integer.toString(initialLength));
        new Label(parent, SWT.NONE).setText("&Stop after:");
        kind = new Combo(parent, SWT.READ_ONLY);
        kind.setItems(KINDS);
        kind.select(read && write ? 2 : read ? 1 : 0);
        physical = new Button(parent, SWT.CHECK);
        physical.setText("Guest-&physical address (any virtual alias of these bytes stops)");
        physical.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        physical.setSelection(isPhysical);
    }

    /** The watchpoint the fields describe; IllegalArgumentException naming a bad field. */
    Watchpoint watchpoint() {
        GuestDebugTarget target = GuestContext.target();
        AddressExpression a = AddressExpression.parse(address.getText(), target == null ? null : target.kernel());
        int n;
        try {
            n = Integer.decode(length.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the length must be a number of bytes, 1 to " + Watchpoint.MAX_LENGTH);
        }
        Watchpoint.Kind k = switch (kind.getSelectionIndex()) {
            case 1 -> Watchpoint.Kind.READ;
            case 2 -> Watchpoint.Kind.ACCESS;
            default -> Watchpoint.Kind.WRITE;
        };
        return new Watchpoint(a.address(), n, k, a.physical() || physical.getSelection());
    }
}
