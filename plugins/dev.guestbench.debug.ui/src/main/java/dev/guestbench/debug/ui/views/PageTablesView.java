package dev.guestbench.debug.ui.views;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import dev.guestbench.vmm.memory.Pte;
import dev.guestbench.vmm.memory.WalkStep;

/**
 * A suspended vCPU's page tables: the guest's table and the hypervisor's shadow of it (shadow paging) or
 * the two-dimensional walk of one address through the guest's table and the G-stage table (nested paging),
 * each entry as GVA range → GPA, host frame, RWXUGAD and sync state. Entries new or changed since the
 * previous suspend are bold on a yellow ground, and the tables above them bold, so a change deep in the tree
 * can be followed. Children are made when a row is expanded, so a kernel with thousands of mappings opens
 * at once. "Find" reveals the guest leaf that maps an address, its shadow, and (nested) walks it; selecting
 * a guest entry walks its address.
 */
public final class PageTablesView extends ViewPart {

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
    /** The tables and the "before" the rows were last built from. */
    private PageTableSnapshot shown;
    private Map<String, Long> shownBefore = new HashMap<>();
    /** Entries' bits at the previous suspend, by (table, level, gva); and now. */
    private Map<String, Long> before = new HashMap<>();
    private Map<String, Long> now = new HashMap<>();
    private long shownSuspend = -1;
    /** The guest-virtual address whose nested walk is shown; the pc until the user picks one. */
    private long walkAddress;
    private boolean walkChosen;
    private TreeItem walkItem;
    private GuestDebugTarget shownTarget;
    private int shownHart;

    private ViewRefresher refresher;

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
        int[] widths = {360, 150, 100, 90, 150, 170, 150};
        for (int i = 0; i < names.length; i++) {
            TreeColumn c = new TreeColumn(tree, SWT.LEFT);
            c.setText(names[i]);
            c.setWidth(widths[i]);
        }
        tree.addListener(SWT.Expand, e -> fillChildren((TreeItem) e.item));
        tree.addListener(SWT.Selection, e -> {
            if (e.item instanceof TreeItem item && item.getData(NODE) instanceof PageTableNode n
                    && !Boolean.TRUE.equals(item.getData(SHADOW)) && snapshot != null
                    && snapshot.mode() == PagingMode.NESTED) {
                walkAddress = n.gva();
                walkChosen = true;
                showWalk();
            }
        });
        FontData[] data = tree.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(tree.getDisplay(), data);
        changedColor = new Color(tree.getDisplay(), 255, 246, 170);
        refresher = ViewRefresher.start(tree, 0, this::refresh);
        refresh();
    }

    /** Shows the current vCPU's tables, if it is suspended. */
    public void refresh() {
        GuestDebugTarget t = GuestContext.target();
        if (t == null || t.isTerminated()) {
            tree.removeAll();
            walkItem = null;
            status.setText(t == null ? "No guest VM" : "The VM has ended");
            return;
        }
        VmDebugger vm = t.debugger();
        int hart = GuestContext.hart();
        if (!vm.isSuspended(hart)) {
            status.setText("vCPU " + hart + " runs: suspend it to see its page tables");
            return;
        }
        if (t != shownTarget || hart != shownHart) {
            // Another VM or vCPU: nothing to compare with, and its own pc to walk.
            shownTarget = t;
            shownHart = hart;
            shown = null;
            now = new HashMap<>();
            shownSuspend = -1;
            walkChosen = false;
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
        if (!walkChosen) {
            walkAddress = vm.pc(hart);
        }
        if (tree.getItemCount() > 0 && sameTables(snapshot, shown) && before.equals(shownBefore)) {
            // Most steps change no mapping: the rows stay (and cost nothing), the counters and the walk move on.
            showWalk();
            showStatus(hart);
            return;
        }
        shown = snapshot;
        shownBefore = before;
        tree.setRedraw(false);
        try {
            // What the user opened, selected and scrolled to survives the rebuild (a step must not fold the tree).
            boolean first = tree.getItemCount() == 0;
            Set<String> expanded = new HashSet<>();
            collectExpanded(tree.getItems(), expanded);
            String selected = tree.getSelectionCount() == 1 ? key(tree.getSelection()[0]) : null;
            String top = tree.getTopItem() == null ? null : key(tree.getTopItem());
            tree.removeAll();
            walkItem = null;
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
                TreeItem walk = new TreeItem(tree, SWT.NONE);
                walk.setText("Nested walk: does not apply in shadow mode (a TLB miss walks the shadow table only)");
            } else {
                TreeItem gstage = new TreeItem(tree, SWT.NONE);
                gstage.setText(String.format(Locale.ROOT, "G-stage table (nested paging): %,d host frames",
                        snapshot.gstageFrames()));
                showWalk();
            }
            if (first) {
                guest.setExpanded(true);
            } else {
                restore(tree.getItems(), expanded, selected, top);
            }
            showStatus(hart);
        } finally {
            tree.setRedraw(true);
        }
    }

    /** The status line: what changed since the last suspend, and the paging counters. */
    private void showStatus(int hart) {
        int changed = 0;
        for (Map.Entry<String, Long> e : now.entrySet()) {
            Long old = before.get(e.getKey());
            if (old == null || !old.equals(e.getValue())) {
                changed++;
            }
        }
        int removed = 0;
        for (String key : before.keySet()) {
            if (!now.containsKey(key)) {
                removed++;
            }
        }
        String text = "vCPU " + hart + ", " + snapshot.mode().optionName() + " paging; "
                + (before.isEmpty() ? "" : String.format(Locale.ROOT,
                        "since the last suspend %d entries new or changed, %d gone; ", changed, removed))
                + snapshot.counters().statsLine();
        if (!text.equals(status.getText())) {
            status.setText(text);
            status.getParent().layout(new org.eclipse.swt.widgets.Control[] {status});
        }
    }

    /** (Re)makes the third subtree: every reference of the nested walk of {@link #walkAddress}. */
    private void showWalk() {
        GuestDebugTarget t = shownTarget;
        if (t == null || snapshot == null || snapshot.mode() != PagingMode.NESTED || !t.debugger().isSuspended(shownHart)) {
            return;
        }
        List<WalkStep> steps = t.debugger().nestedWalk(shownHart, walkAddress);
        if (walkItem == null || walkItem.isDisposed()) {
            walkItem = new TreeItem(tree, SWT.NONE);
        } else {
            walkItem.removeAll();
        }
        walkItem.setText(walkTitle(walkAddress, steps));
        int n = 0;
        for (WalkStep s : steps) {
            TreeItem item = new TreeItem(walkItem, SWT.NONE);
            item.setText(walkRow(++n, s));
        }
        walkItem.setExpanded(true);
    }

    /** The walk's row: what was walked, the GPA and host frame it came to, and how it ended. */
    private static String[] walkTitle(long va, List<WalkStep> steps) {
        String title = String.format(Locale.ROOT, "Nested walk of 0x%x: %d references", va, steps.size());
        long gpa = -1;
        for (WalkStep s : steps) {
            if (!s.gstage() && (s.entry() & Pte.V) != 0 && Pte.isLeaf(s.entry())) {
                long mask = Pte.levelSize(s.level()) - 1;
                gpa = ((Pte.ppn(s.entry()) << 12) & ~mask) | (va & mask);
            }
        }
        if (steps.isEmpty()) {
            return new String[] {title, "", "", "", "not canonical"};
        }
        WalkStep last = steps.get(steps.size() - 1);
        if (!last.gstage()) {
            WalkStep previous = steps.size() > 1 ? steps.get(steps.size() - 2) : null;
            boolean tableUnmapped = previous != null && previous.gstage() && (previous.entry() & Pte.V) == 0;
            return new String[] {title, "", "", "", tableUnmapped ? "table page not in G-stage" : "guest page fault"};
        }
        String gpaText = String.format(Locale.ROOT, "0x%x", gpa < 0 ? va : gpa);
        if (last.gstage() && last.guestLevel() == -1 && last.level() == 0 && (last.entry() & Pte.V) != 0) {
            return new String[] {title, gpaText, String.format(Locale.ROOT, "0x%x", Pte.ppn(last.entry())), "",
                "mapped"};
        }
        // A G-stage miss on the final GPA: MMIO (emulated), or RAM the VMM maps at its first touch.
        return new String[] {title, gpaText, "-", "", "no host frame"};
    }

    private static String[] walkRow(int n, WalkStep s) {
        boolean valid = (s.entry() & Pte.V) != 0;
        String what = s.gstage()
                ? String.format(Locale.ROOT, "%d. G-stage level %d (%s)", n, s.level(),
                        s.guestLevel() < 0 ? "final GPA" : "guest level-" + s.guestLevel() + " table")
                : String.format(Locale.ROOT, "%d. guest PTE, level %d", n, s.level());
        String target = valid && !s.gstage() ? String.format(Locale.ROOT, "0x%x", Pte.ppn(s.entry()) << 12) : "";
        String frame = valid && s.gstage() && s.level() == 0 ? String.format(Locale.ROOT, "0x%x", Pte.ppn(s.entry())) : "";
        String state = !valid ? "invalid" : Pte.isLeaf(s.entry()) ? "leaf" : "table";
        return new String[] {what, target, frame, valid && Pte.isLeaf(s.entry()) ? flags(s.entry()) : "", state,
            String.format(Locale.ROOT, "0x%x (%s)", s.address(), s.gstage() ? "host" : "GPA"),
            String.format(Locale.ROOT, "0x%x", s.entry())};
    }

    private static void index(List<PageTableNode> nodes, String table, Map<String, Long> into) {
        for (PageTableNode n : nodes) {
            into.put(table + n.level() + ":" + n.gva(), n.pte());
            index(n.children(), table, into);
        }
    }

    private boolean changed(PageTableNode n, boolean shadow) {
        Long old = before.get((shadow ? "s" : "g") + n.level() + ":" + n.gva());
        return old == null || old != n.pte();
    }

    private boolean changedBelow(PageTableNode n, boolean shadow) {
        for (PageTableNode c : n.children()) {
            if (changed(c, shadow) || changedBelow(c, shadow)) {
                return true;
            }
        }
        return false;
    }

    /** Items for {@code nodes}; each one's own children are made when it is expanded. */
    private void addChildren(TreeItem parent, List<PageTableNode> nodes, boolean shadow) {
        for (PageTableNode n : nodes) {
            TreeItem item = new TreeItem(parent, SWT.NONE);
            item.setData(NODE, n);
            item.setData(SHADOW, shadow);
            item.setText(row(n));
            if (!before.isEmpty()) {
                if (changed(n, shadow)) {
                    item.setFont(bold);
                    item.setBackground(changedColor);
                } else if (changedBelow(n, shadow)) {
                    item.setFont(bold);
                }
            }
            if (!n.children().isEmpty()) {
                new TreeItem(item, SWT.NONE); // a placeholder until expanded
            }
        }
    }

    private static boolean sameTables(PageTableSnapshot a, PageTableSnapshot b) {
        return b != null && a.mode() == b.mode() && a.satp() == b.satp() && a.gstageFrames() == b.gstageFrames()
                && a.guest().equals(b.guest()) && a.shadow().equals(b.shadow());
    }

    /** A row's identity across rebuilds: its table, level and address, or its place among the roots. */
    private static String key(TreeItem item) {
        if (item.getData(NODE) instanceof PageTableNode n) {
            return (Boolean.TRUE.equals(item.getData(SHADOW)) ? "s" : "g") + n.level() + ":" + n.gva();
        }
        return item.getParentItem() == null ? "root" + item.getParent().indexOf(item) : null;
    }

    private static void collectExpanded(TreeItem[] items, Set<String> into) {
        for (TreeItem item : items) {
            String k = key(item);
            if (k != null && item.getExpanded()) {
                into.add(k);
                collectExpanded(item.getItems(), into);
            }
        }
    }

    /** Expands the rows whose keys are in {@code expanded}, selects {@code selected} and scrolls to {@code top}. */
    private void restore(TreeItem[] items, Set<String> expanded, String selected, String top) {
        for (TreeItem item : items) {
            String k = key(item);
            if (k == null) {
                continue;
            }
            if (expanded.contains(k)) {
                fillChildren(item);
                item.setExpanded(true);
                restore(item.getItems(), expanded, selected, top);
            }
            if (k.equals(selected)) {
                tree.setSelection(item);
            }
            if (k.equals(top)) {
                tree.setTopItem(item);
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
        return Pte.flags(pte);
    }

    /**
     * Reveals and selects the guest leaf that maps {@code text} (a hex address), reveals its shadow entry in
     * shadow mode and walks it in nested mode; false if the guest does not map it.
     */
    public boolean reveal(String text) {
        long va;
        try {
            String s = text.trim().toLowerCase(Locale.ROOT);
            va = Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
        } catch (NumberFormatException e) {
            status.setText("'" + text + "' is not a hex address");
            return false;
        }
        if (tree.getItemCount() == 0 || snapshot == null) {
            return false;
        }
        if (snapshot.mode() == PagingMode.NESTED) {
            walkAddress = va;
            walkChosen = true;
            showWalk();
        }
        TreeItem shadowLeaf = snapshot.mode() == PagingMode.SHADOW ? leafFor(tree.getItem(1), va) : null;
        TreeItem leaf = leafFor(tree.getItem(0), va);
        if (leaf == null) {
            status.setText(String.format(Locale.ROOT, "0x%x is not mapped", va));
            return false;
        }
        tree.setSelection(leaf);
        tree.showItem(leaf);
        PageTableNode n = (PageTableNode) leaf.getData(NODE);
        status.setText(String.format(Locale.ROOT, "0x%x maps to guest-physical 0x%x%s", va, n.target() + (va - n.gva()),
                snapshot.mode() == PagingMode.NESTED ? "" : shadowLeaf != null ? ", shadowed"
                        : ", not shadowed (yet)"));
        return true;
    }

    /** Expands the path under {@code root} to the leaf that maps {@code va}; that leaf, or null. */
    private TreeItem leafFor(TreeItem root, long va) {
        TreeItem at = root;
        while (true) {
            fillChildren(at);
            TreeItem next = null;
            for (TreeItem child : at.getItems()) {
                if (child.getData(NODE) instanceof PageTableNode n && Long.compareUnsigned(va - n.gva(), n.size()) < 0) {
                    next = child;
                }
            }
            if (next == null) {
                return null;
            }
            at.setExpanded(true);
            if (((PageTableNode) next.getData(NODE)).isLeaf()) {
                return next;
            }
            at = next;
        }
    }

    /** The tree (for tests). */
    public Tree tree() {
        return tree;
    }

    /** The ground of entries new or changed since the last suspend (for tests). */
    public Color changedColor() {
        return changedColor;
    }

    @Override
    public void setFocus() {
        tree.setFocus();
    }

    @Override
    public void dispose() {
        if (refresher != null) {
            refresher.stop();
        }
        if (bold != null) {
            bold.dispose();
        }
        super.dispose();
    }
}
