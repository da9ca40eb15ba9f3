package dev.guestbench.debug.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TreeItem;

/** Tree operations as a user's click does them, for the debugger's UI tests and benchmark. */
public final class Trees {

    private Trees() {
    }

    /**
     * Expands {@code item} as a click on its arrow does: the Expand event first (a lazy tree fills the item's
     * children on it; {@code setExpanded} alone sends none), then the expansion.
     */
    public static void expand(TreeItem item) {
        Event expand = new Event();
        expand.item = item;
        item.getParent().notifyListeners(SWT.Expand, expand);
        item.setExpanded(true);
    }
}
