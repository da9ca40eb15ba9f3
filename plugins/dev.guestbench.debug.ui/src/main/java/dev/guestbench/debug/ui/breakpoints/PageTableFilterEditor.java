package dev.guestbench.debug.ui.breakpoints;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.guestbench.vmm.debug.PageTableFilter;
import dev.guestbench.vmm.memory.MappingEvent;

/** The fields of a page-table breakpoint: the guest-virtual range and the kinds of change. */
final class PageTableFilterEditor {

    private final Text start;
    private final Text end;
    private final Button[] kinds = new Button[MappingEvent.Kind.values().length];

    PageTableFilterEditor(Composite parent, PageTableFilter initial) {
        new Label(parent, SWT.NONE).setText("From guest-virtual address:");
        start = new Text(parent, SWT.BORDER);
        start.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        start.setText(String.format(Locale.ROOT, "0x%x", initial.start()));
        new Label(parent, SWT.NONE).setText("Up to (exclusive):");
        end = new Text(parent, SWT.BORDER);
        end.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        end.setText(String.format(Locale.ROOT, "0x%x", initial.end()));
        Group g = new Group(parent, SWT.NONE);
        g.setText("Stop when a mapping there is (none ticked: any of these)");
        g.setLayout(new GridLayout(1, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        String[] labels = {"created by the guest", "changed by the guest", "removed by the guest",
            "synced into the shadow table", "invalidated in the shadow table"};
        for (MappingEvent.Kind k : MappingEvent.Kind.values()) {
            kinds[k.ordinal()] = new Button(g, SWT.CHECK);
            kinds[k.ordinal()].setText(labels[k.ordinal()]);
            kinds[k.ordinal()].setSelection(initial.kinds().contains(k));
        }
    }

    /** The filter; IllegalArgumentException naming a bad field. */
    PageTableFilter filter() {
        Set<MappingEvent.Kind> set = EnumSet.noneOf(MappingEvent.Kind.class);
        for (MappingEvent.Kind k : MappingEvent.Kind.values()) {
            if (kinds[k.ordinal()].getSelection()) {
                set.add(k);
            }
        }
        Long from = BreakpointActions.parseAddress(start.getText());
        Long to = BreakpointActions.parseAddress(end.getText());
        if (from == null || to == null) {
            throw new IllegalArgumentException("the range needs two hex addresses");
        }
        return new PageTableFilter(from, to, set);
    }
}
