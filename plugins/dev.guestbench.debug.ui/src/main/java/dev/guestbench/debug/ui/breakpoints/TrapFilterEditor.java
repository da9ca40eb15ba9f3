package dev.guestbench.debug.ui.breakpoints;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.guestbench.isa.TrapCause;
import dev.guestbench.vmm.debug.TrapFilter;
import dev.guestbench.vmm.exit.ExitReason;

/** The fields of a trap breakpoint's filter, for the add dialog and the properties page. */
final class TrapFilterEditor {

    private final Button[] reasons = new Button[ExitReason.values().length];
    private final Combo cause;
    private final Combo privilege;
    private final Text hart;
    private final Text sbiExtension;
    private final Text sbiFunction;

    TrapFilterEditor(Composite parent, TrapFilter initial) {
        Group g = new Group(parent, SWT.NONE);
        g.setText("Stop after an exit of these VMM reasons (none ticked: any)");
        g.setLayout(new GridLayout(4, true));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        for (ExitReason r : ExitReason.values()) {
            reasons[r.ordinal()] = new Button(g, SWT.CHECK);
            reasons[r.ordinal()].setText(r.label());
            reasons[r.ordinal()].setSelection(initial.reasons().contains(r));
        }
        new Label(parent, SWT.NONE).setText("Trap cause:");
        cause = new Combo(parent, SWT.READ_ONLY);
        cause.add("any");
        for (TrapCause c : TrapCause.values()) {
            cause.add(c.name().toLowerCase(Locale.ROOT));
        }
        cause.select(0);
        for (TrapCause c : TrapCause.values()) {
            if (initial.cause() != -1 && TrapCause.of(initial.cause()) == c) {
                cause.select(c.ordinal() + 1);
            }
        }
        new Label(parent, SWT.NONE).setText("From privilege:");
        privilege = new Combo(parent, SWT.READ_ONLY);
        privilege.setItems("any", "U", "S", "M");
        privilege.select(switch (initial.privilege()) {
            case 0 -> 1;
            case 1 -> 2;
            case 3 -> 3;
            default -> 0;
        });
        hart = text(parent, "vCPU (empty: any):", initial.hart() == -1 ? "" : Integer.toString(initial.hart()));
        sbiExtension = text(parent, "SBI extension id, ECALL only (empty: any):",
                initial.sbiExtension() == -1 ? "" : "0x" + Long.toHexString(initial.sbiExtension()));
        sbiFunction = text(parent, "SBI function id (empty: any):",
                initial.sbiFunction() == -1 ? "" : Long.toString(initial.sbiFunction()));
    }

    private static Text text(Composite parent, String label, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setText(value);
        return t;
    }

    /** The filter the fields describe; IllegalArgumentException with a message naming a bad field. */
    TrapFilter filter() {
        Set<ExitReason> set = EnumSet.noneOf(ExitReason.class);
        for (ExitReason r : ExitReason.values()) {
            if (reasons[r.ordinal()].getSelection()) {
                set.add(r);
            }
        }
        long c = -1;
        if (cause.getSelectionIndex() > 0) {
            TrapCause tc = TrapCause.values()[cause.getSelectionIndex() - 1];
            c = tc.isInterrupt() ? (1L << 63) | tc.code() : tc.code();
        }
        int p = switch (privilege.getSelectionIndex()) {
            case 1 -> 0;
            case 2 -> 1;
            case 3 -> 3;
            default -> -1;
        };
        return new TrapFilter(set, c, p, (int) number(hart, "vCPU"), number(sbiExtension, "SBI extension"),
                number(sbiFunction, "SBI function"));
    }

    private static long number(Text t, String what) {
        String s = t.getText().trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return -1;
        }
        try {
            return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + t.getText() + "' is not a number");
        }
    }
}
