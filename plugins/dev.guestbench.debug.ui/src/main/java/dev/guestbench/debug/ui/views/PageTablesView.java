package dev.guestbench.debug.ui.views;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.part.ViewPart;

import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.ui.GuestContext;
import dev.guestbench.vmm.debug.VmDebugger;
import dev.guestbench.vmm.memory.PageTableNode;
import dev.guestbench.vmm.memory.PageTableSnapshot;
import dev.guestbench.vmm.memory.PagingMode;

/**
 * A suspended vCPU's page tables: the guest's table and the hypervisor's shadow of it (shadow paging) or
 * the G-stage table's size (nested paging), each entry as GVA range → GPA, host frame, RWXUGAD and sync
 * state. Entries new or changed since the previous suspend are bold on a yellow ground. Children are made
 * when a row is expanded, so a kernel with thousands of mappings opens at once. "Find" reveals the leaf
 * that maps an address.
 */
public final class PageTablesView extends ViewPart implements IDebugEventSetListener {

    /** The view's id. */
    public static final String ID = "dev.guestbench.debug.ui.pageTables";

    private static final String NODE = "node";
    private static final String SHADOW = "shadow";

    private Tree tree;
    private Text find;
    private Label status;
    private Font bold;
    private Color changedColor;
    private PageTableSnapshot snapshot;
    /** Entries' bits at the previous suspend, by (table, level, gva); and now. */
    private Map<String, Long> before = new HashMap<>();
    private Map<String, Long> now = new HashMap<>();
    private long shownSuspend = -1;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        new Label(parent, SWT.NONE).setText("Find address:");
        find = new Text(parent, SWT.BORDER | SWT.SEARCH);
        find.setMessage("guest-virtual, e.g. 0x80200000");
        find.setLayoutData(new GridData(200, SWT.DEFAULT));
        find.addListener(SWT.DefaultSelection, e -> reveal(find.getText()));
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tree = new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        String[] names = {"GVA range", "GPA", "host frame", "RWXUGAD", "sync", "entry at", "PTE"};
        int[] widths = {330, 150, 100, 90, 130, 150, 150};
        for (int i = 0; i < names.length; i++) {
            TreeColumn c = new TreeColumn(tree, SWT.LEFT);
            c.setText(names[i]);
            c.setWidth(widths[i]);
        }
        tree.addListener(SWT.Expand, e -> fillChildren((TreeItem) e.item));
        FontData[] data = tree.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(tree.getDisplay(), data);
        changedColor = new Color(tree.getDisplay(), 255, 246, 170);
        DebugPlugin.getDefault().addDebugEventListener(this);
        refresh();
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent e : events) {
            if (e.getKind() == DebugEvent.SUSPEND || e.getKind() == DebugEvent.TERMINATE) {
                tree.getDisplay().asyncExec(() -> {
                    if (!tree.isDisposed()) {
                        refresh();
                    }
                });
                return;
            }
        }
    }

    /** Shows the current vCPU's tables, if it is suspended. */
    public void refresh() {
        GuestDebugTarget t = GuestContext.target();
        if (t == null || t.isTerminated()) {
            tree.removeAll();
            status.setText(t == null ? "No guest VM" : "The VM has ended");
            return;
        }
        VmDebugger vm = t.debugger();
        int hart = GuestContext.hart();
        if (!vm.isSuspended(hart)) {
            status.setText("vCPU " + hart + " runs: suspend it to see its page tables");
            return;
        }
        if (t.suspendCount() != shownSuspend) {
            // A new suspend: what was current becomes what "changed" is measured against.
            before = now;
            shownSuspend = t.suspendCount();
        }
        snapshot = vm.pageTables(hart);
        now = new HashMap<>();
        index(snapshot.guest(), "g", now);
        index(snapshot.shadow(), "s", now);
        tree.setRedraw(false);
        try {
            tree.removeAll();
            long satp = snapshot.satp();
            int mode = (int) (satp >>> 60);
            String modeName = switch (mode) {
                case 0 -> "Bare (no translation)";
                case 8 -> "Sv39";
                case 9 -> "Sv48";
                default -> "mode " + mode;
            };
            TreeItem guest = new TreeItem(tree, SWT.NONE);
            guest.setText(String.format(Locale.ROOT, "Guest table: %s, ASID %d, root at 0x%x", modeName,
                    (satp >>> 44) & 0xffff, (satp & ((1L << 44) - 1)) << 12));
            addChildren(guest, snapshot.guest(), false);
            if (snapshot.mode() == PagingMode.SHADOW) {
                TreeItem shadow = new TreeItem(tree, SWT.NONE);
                shadow.setText("Shadow table (the hypervisor's, in host frames)");
                addChildren(shadow, snapshot.shadow(), true);
            } else {
                TreeItem gstage = new TreeItem(tree, SWT.NONE);
                gstage.setText(String.format(Locale.ROOT, "Nested paging: the G-stage table uses %,d host frames",
                        snapshot.gstageFrames()));
            }
            guest.setExpanded(true);
            status.setText("vCPU " + hart + ", " + snapshot.mode().optionName() + " paging; "
                    + snapshot.counters().statsLine());
            status.getParent().layout(new org.eclipse.swt.widgets.Control[] {status});
        } finally {
            tree.setRedraw(true);
        }
    }

    private static void index(List<PageTableNode> nodes, String table, Map<String, Long> into) {
        for (PageTableNode n : nodes) {
            into.put(table + n.level() + ":" + n.gva(), n.pte());
            index(n.children(), table, into);
        }
    }

    /** Items for {@code nodes}; each one's own children are made when it is expanded. */
    private void addChildren(TreeItem parent, List<PageTableNode> nodes, boolean shadow) {
        for (PageTableNode n : nodes) {
            TreeItem item = new TreeItem(parent, SWT.NONE);
            item.setData(NODE, n);
            item.setData(SHADOW, shadow);
            item.setText(row(n));
            String key = (shadow ? "s" : "g") + n.level() + ":" + n.gva();
            Long old = before.get(key);
            if (!before.isEmpty() && (old == null || old != n.pte())) {
                item.setFont(bold);
                item.setBackground(changedColor);
            }
            if (!n.children().isEmpty()) {
                new TreeItem(item, SWT.NONE); // a placeholder until expanded
            }
        }
    }

    private void fillChildren(TreeItem item) {
        if (item.getItemCount() == 1 && item.getItem(0).getData(NODE) == null
                && item.getData(NODE) instanceof PageTableNode n) {
            item.getItem(0).dispose();
            addChildren(item, n.children(), Boolean.TRUE.equals(item.getData(SHADOW)));
        }
    }

    private static String[] row(PageTableNode n) {
        String range = String.format(Locale.ROOT, "0x%x - 0x%x (%s)", n.gva(), n.gva() + n.size() - 1, size(n.size()));
        if (!n.isLeaf()) {
            range += " table";
        }
        return new String[] {range, String.format(Locale.ROOT, "0x%x", n.target()),
            n.hostFrame() < 0 ? "-" : String.format(Locale.ROOT, "0x%x", n.hostFrame()), flags(n.pte()),
            n.sync().name().toLowerCase(Locale.ROOT).replace('_', ' '), String.format(Locale.ROOT, "0x%x", n.entryAddress()),
            String.format(Locale.ROOT, "0x%x", n.pte())};
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        return (bytes >> 10) + " KiB";
    }

    /** R W X U G A D, each letter or '-'. */
    static String flags(long pte) {
        String letters = "RWXUGAD";
        StringBuilder s = new StringBuilder(7);
        for (int i = 0; i < 7; i++) {
            s.append((pte & (1L << (i + 1))) != 0 ? letters.charAt(i) : '-');
        }
        return s.toString();
    }

    /** Reveals and selects the guest leaf that maps {@code text} (a hex address); false if none does. */
    public boolean reveal(String text) {
        long va;
        try {
            String s = text.trim().toLowerCase(Locale.ROOT);
            va = Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
        } catch (NumberFormatException e) {
            status.setText("'" + text + "' is not a hex address");
            return false;
        }
        if (tree.getItemCount() == 0) {
            return false;
        }
        TreeItem at = tree.getItem(0);
        while (true) {
            fillChildren(at);
            at.setExpanded(true);
            TreeItem next = null;
            for (TreeItem child : at.getItems()) {
                if (child.getData(NODE) instanceof PageTableNode n && Long.compareUnsigned(va - n.gva(), n.size()) < 0) {
                    next = child;
                }
            }
            if (next == null) {
                status.setText(String.format(Locale.ROOT, "0x%x is not mapped", va));
                return false;
            }
            PageTableNode n = (PageTableNode) next.getData(NODE);
            if (n.isLeaf()) {
                tree.setSelection(next);
                tree.showItem(next);
                status.setText(String.format(Locale.ROOT, "0x%x maps to guest-physical 0x%x", va,
                        n.target() + (va - n.gva())));
                return true;
            }
            at = next;
        }
    }

    /** The tree (for tests). */
    public Tree tree() {
        return tree;
    }

    @Override
    public void setFocus() {
        tree.setFocus();
    }

    @Override
    public void dispose() {
        DebugPlugin.getDefault().removeDebugEventListener(this);
        if (bold != null) {
            bold.dispose();
        }
        super.dispose();
    }
}
