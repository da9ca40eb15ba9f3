package dev.guestbench.debug.ui.tests.bench;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;

/**
 * What the benchmark's views show, read at each repaint: the texts of a tree's or table's visible rows and its
 * selection, a text widget's selection and scroll position. A repaint that leaves what a widget shows as it
 * was (a detail pane cleared again, a toolbar redrawn) is not an update of the view: the step's update of a
 * view ends with the last repaint that changed what it shows. Only rows already on screen are read, so a
 * virtual table or tree is not made to fill more rows than it would.
 */
final class ShownContent {

    private final Map<Widget, String> shown = new HashMap<>();

    /** Reads {@code widget} after its repaint; true if it now shows something else than before. */
    boolean changed(Widget widget) {
        String now = read(widget);
        if (now == null) {
            return false;
        }
        String before = shown.put(widget, now);
        return !now.equals(before);
    }

    private static String read(Widget widget) {
        if (widget instanceof Tree tree) {
            StringBuilder b = new StringBuilder();
            // The rows in display order (no text read), then the texts of those from the top row on: only
            // rows on screen, which are filled already.
            java.util.List<TreeItem> order = new java.util.ArrayList<>();
            inOrder(tree.getItems(), order);
            int top = Math.max(0, order.indexOf(tree.getTopItem()));
            int visible = tree.getClientArea().height / Math.max(1, tree.getItemHeight()) + 1;
            for (int r = top; r < Math.min(order.size(), top + visible); r++) {
                for (int c = 0; c < Math.max(1, tree.getColumnCount()); c++) {
                    b.append(order.get(r).getText(c)).append('\t');
                }
                b.append('\n');
            }
            for (TreeItem s : tree.getSelection()) {
                b.append("|selected ").append(s.getText());
            }
            return b.toString();
        }
        if (widget instanceof Table table) {
            StringBuilder b = new StringBuilder();
            int top = table.getTopIndex();
            int visible = table.getClientArea().height / Math.max(1, table.getItemHeight()) + 1;
            for (int r = top; r < Math.min(table.getItemCount(), top + visible); r++) {
                for (int c = 0; c < Math.max(1, table.getColumnCount()); c++) {
                    b.append(table.getItem(r).getText(c)).append('\t');
                }
                b.append('\n');
            }
            // GTK finds a selection by walking every row: a huge table (the Trap History's) is read for its rows only.
            if (table.getItemCount() <= 10_000) {
                for (int s : table.getSelectionIndices()) {
                    b.append("|selected ").append(s);
                }
            }
            return b.toString();
        }
        if (widget instanceof StyledText text) {
            Point selection = text.getSelectionRange();
            return text.getCharCount() + " chars, selection " + selection.x + "+" + selection.y + ", top line "
                    + text.getTopIndex();
        }
        return null;
    }

    private static void inOrder(TreeItem[] items, java.util.List<TreeItem> into) {
        for (TreeItem item : items) {
            into.add(item);
            if (item.getExpanded()) {
                inOrder(item.getItems(), into);
            }
        }
    }
}
