package dev.guestbench.debug.ui.views;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.ui.GuestContext;
import dev.guestbench.isa.disasm.Disassembler;
import dev.guestbench.vmm.exit.TrapHistory;
import dev.guestbench.vmm.exit.TrapRecord;

/**
 * Every exit and trap of the VM, newest last, in a virtual table: only the rows on screen are ever made,
 * so a history of a million records scrolls as smoothly as one of ten. While the VM runs the view follows
 * it a few times a second, and at once at every suspend; a filter by cause, privilege or vCPU shows the
 * matching records only, and looks only at the records that came since its last look.
 */
public final class TrapHistoryView extends ViewPart {

    /** The view's id. */
    public static final String ID = "dev.guestbench.debug.ui.trapHistory";

    private static final int REFRESH_MILLIS = 250;
    private static final String[] COLUMNS = {"seq", "vCPU", "time", "cause", "priv", "pc", "instruction", "tval",
        "disposition", "cost (ns)"};
    private static final int[] WIDTHS = {80, 50, 90, 220, 45, 140, 200, 140, 90, 80};

    private Table table;
    private Text causeFilter;
    private Combo privFilter;
    private Combo hartFilter;
    private Label status;
    private final Disassembler disassembler = new Disassembler(true);
    private GuestDebugTarget target;
    private long shownTotal = -1;
    /** The sequence numbers of the records the filter lets through, or null when no filter is set. */
    private SeqList filtered;
    /** Records before this sequence number have been put through the filter. */
    private long filteredUpTo;
    private boolean follow = true;
    private ViewRefresher refresher;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(7, false));
        new Label(parent, SWT.NONE).setText("Cause:");
        causeFilter = new Text(parent, SWT.BORDER | SWT.SEARCH);
        causeFilter.setMessage("any (e.g. ecall, page_fault)");
        causeFilter.setLayoutData(new GridData(180, SWT.DEFAULT));
        causeFilter.addModifyListener(e -> refilter());
        new Label(parent, SWT.NONE).setText("Privilege:");
        privFilter = new Combo(parent, SWT.READ_ONLY);
        privFilter.setItems("any", "U", "S", "M");
        privFilter.select(0);
        privFilter.addListener(SWT.Selection, e -> refilter());
        new Label(parent, SWT.NONE).setText("vCPU:");
        hartFilter = new Combo(parent, SWT.READ_ONLY);
        hartFilter.setItems("any");
        hartFilter.select(0);
        hartFilter.addListener(SWT.Selection, e -> refilter());
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER | SWT.MULTI);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 7, 1));
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, i == 0 || i == 1 || i == 2 || i == 9 ? SWT.RIGHT : SWT.LEFT);
            c.setText(COLUMNS[i]);
            c.setWidth(WIDTHS[i]);
        }
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        // Scrolling up stops following the run; scrolling back to the end resumes it.
        table.getVerticalBar().addListener(SWT.Selection, e -> follow = isAtEnd());

        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        bar.add(new Action("Export CSV...") {
            @Override
            public void run() {
                exportCsv();
            }
        });
        refresher = ViewRefresher.start(table, REFRESH_MILLIS, this::refresh);
        refresh();
    }

    private boolean isAtEnd() {
        int visible = table.getClientArea().height / Math.max(1, table.getItemHeight());
        return table.getTopIndex() + visible >= table.getItemCount() - 1;
    }

    /** Shows the current VM's history as it is now (called a few times a second, and by tests). */
    public void refresh() {
        GuestDebugTarget now = GuestContext.target();
        if (now != target) {
            target = now;
            shownTotal = -1;
            filtered = null;
            hartFilter.removeAll();
            hartFilter.add("any");
            if (target != null) {
                for (int h = 0; h < target.debugger().harts(); h++) {
                    hartFilter.add(Integer.toString(h));
                }
            }
            hartFilter.select(0);
        }
        if (target == null) {
            table.setItemCount(0);
            status.setText("No guest VM");
            return;
        }
        TrapHistory h = target.debugger().trapHistory();
        long total = h.total();
        if (total == shownTotal) {
            return;
        }
        boolean appendedOnly = shownTotal >= 0 && total > shownTotal && h.size() == total;
        shownTotal = total;
        if (hasFilter()) {
            updateFilter(h, total);
            table.setItemCount(filtered.size());
        } else {
            table.setItemCount(h.size());
        }
        // Records shift once the ring is full: what is on screen must be asked for again. Until then rows
        // only append, and the rows already filled stay right.
        if (hasFilter() || !appendedOnly) {
            table.clearAll();
        }
        if (follow && table.getItemCount() > 0) {
            table.setTopIndex(table.getItemCount() - 1);
        }
        status.setText(String.format(Locale.ROOT, "%,d records shown, %,d held, %,d exits in all", table.getItemCount(),
                h.size(), total));
        status.getParent().layout(new org.eclipse.swt.widgets.Control[] {status});
    }

    private boolean hasFilter() {
        return !causeFilter.getText().isBlank() || privFilter.getSelectionIndex() > 0
                || hartFilter.getSelectionIndex() > 0;
    }

    private void refilter() {
        shownTotal = -1;
        filtered = null;
        refresh();
    }

    /**
     * Brings {@link #filtered} up to {@code total}: records that fell out of the ring are dropped from its
     * front and only the records made since the last call are tested, so a step costs what it added.
     */
    private void updateFilter(TrapHistory h, long total) {
        if (filtered == null) {
            filtered = new SeqList();
            filteredUpTo = 0;
        }
        int held = h.size();
        long first = total - held;
        filtered.dropBelow(first);
        String cause = causeFilter.getText().trim().toLowerCase(Locale.ROOT);
        int priv = switch (privFilter.getSelectionIndex()) {
            case 1 -> 0;
            case 2 -> 1;
            case 3 -> 3;
            default -> -1;
        };
        int hart = hartFilter.getSelectionIndex() - 1;
        for (long seq = Math.max(filteredUpTo, first); seq < total; seq++) {
            TrapRecord r = h.get((int) (seq - first));
            if (priv != -1 && r.privilege() != priv || hart >= 0 && r.hart() != hart) {
                continue;
            }
            if (!cause.isEmpty() && !TrapRecord.causeName(r.cause()).contains(cause) && !r.reason().label().contains(cause)) {
                continue;
            }
            filtered.add(seq);
        }
        filteredUpTo = total;
    }

    /** A growable list of ascending sequence numbers that can drop its front cheaply. */
    private static final class SeqList {
        private long[] seqs = new long[1024];
        private int start;
        private int end;

        int size() {
            return end - start;
        }

        long get(int i) {
            return seqs[start + i];
        }

        void add(long seq) {
            if (end == seqs.length) {
                int n = size();
                long[] grown = n * 2 > seqs.length ? new long[seqs.length * 2] : seqs;
                System.arraycopy(seqs, start, grown, 0, n);
                seqs = grown;
                start = 0;
                end = n;
            }
            seqs[end++] = seq;
        }

        void dropBelow(long seq) {
            while (start < end && seqs[start] < seq) {
                start++;
            }
        }
    }

    private TrapRecord record(int row) {
        if (target == null) {
            return null;
        }
        TrapHistory h = target.debugger().trapHistory();
        int k = row;
        if (filtered != null) {
            long first = h.total() - h.size();
            k = row < filtered.size() ? (int) (filtered.get(row) - first) : -1;
        }
        if (k < 0 || k >= h.size()) {
            return null;
        }
        return h.get(k);
    }

    private void fill(TableItem item, int row) {
        TrapRecord r = record(row);
        if (r == null) {
            return;
        }
        String cause = r.cause() == TrapRecord.NO_CAUSE ? r.reason().label()
                : TrapRecord.causeName(r.cause()) + " (" + r.reason().label() + ")";
        item.setText(new String[] {Long.toString(r.seq()), Integer.toString(r.hart()), Long.toString(r.time()), cause,
            TrapRecord.privName(r.privilege()), String.format(Locale.ROOT, "0x%x", r.pc()), instruction(r),
            String.format(Locale.ROOT, "0x%x", r.tval()), r.disposition().label(),
            r.hostNanos() == TrapRecord.NOT_TIMED ? "" : Long.toString(r.hostNanos())});
    }

    private String instruction(TrapRecord r) {
        if (r.bits() == 0) {
            return "";
        }
        try {
            return Listing.spaced(disassembler.disassemble(r.pc(), r.bits()));
        } catch (RuntimeException e) {
            return String.format(Locale.ROOT, ".insn 0x%x", r.bits());
        }
    }

    private void openSelected() {
        int i = table.getSelectionIndex();
        TrapRecord r = i < 0 ? null : record(i);
        if (r != null) {
            GuestContext.openSource(getSite().getPage(), target, r.pc());
        }
    }

    private void exportCsv() {
        if (target == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFileName("trap-history.csv");
        d.setOverwrite(true);
        String file = d.open();
        if (file != null) {
            try {
                exportCsv(Path.of(file));
            } catch (IOException e) {
                MessageDialog.openError(getSite().getShell(), "Export CSV", "Cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /** Writes the history held now as CSV. */
    public void exportCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            target.debugger().trapHistory().writeCsv(w);
        }
    }

    /** The table (for tests). */
    public Table table() {
        return table;
    }

    /** Sets the cause filter (for tests and other views). */
    public void filterCause(String text) {
        causeFilter.setText(text);
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        if (refresher != null) {
            refresher.stop();
        }
        super.dispose();
    }
}
