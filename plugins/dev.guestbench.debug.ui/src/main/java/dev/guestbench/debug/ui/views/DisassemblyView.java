package dev.guestbench.debug.ui.views;

import java.util.Locale;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.ui.GuestContext;
import dev.guestbench.isa.disasm.Disassembler;
import dev.guestbench.isa.elf.DwarfLineTable;
import dev.guestbench.vmm.debug.VmDebugger;

/**
 * The instructions around a suspended vCPU's pc, disassembled from guest memory with the one ISA table,
 * with labels and source lines; the pc's row is marked. Its toolbar switches instruction stepping (Step
 * Into and Over then go one instruction at a time) and steps one instruction.
 */
public final class DisassemblyView extends ViewPart {

    /** The view's id. */
    public static final String ID = "dev.guestbench.debug.ui.disassembly";

    private static final int BEFORE = 32;
    private static final int ROWS = 64;

    private Table table;
    /** The cells the table shows now, row by row. */
    private String[][] shown = new String[0][];
    private final Disassembler disassembler = new Disassembler(true);
    private IAction instructionStepping;

    private ViewRefresher refresher;

    @Override
    public void createPartControl(Composite parent) {
        table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        String[] names = {"", "address", "label", "bytes", "instruction", "source"};
        int[] widths = {30, 140, 160, 90, 260, 160};
        for (int i = 0; i < names.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(names[i]);
            c.setWidth(widths[i]);
        }
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        instructionStepping = new Action("Instruction Stepping Mode", IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                GuestDebugTarget t = GuestContext.target();
                if (t != null) {
                    t.setInstructionStepping(isChecked());
                }
            }
        };
        bar.add(instructionStepping);
        bar.add(new Action("Step One Instruction") {
            @Override
            public void run() {
                GuestDebugTarget t = GuestContext.target();
                if (t != null && t.debugger().isSuspended(GuestContext.hart())) {
                    t.debugger().stepInstruction(GuestContext.hart());
                }
            }
        });
        refresher = ViewRefresher.start(table, 0, this::refresh);
        refresh();
    }

    /** Disassembles around the current vCPU's pc. */
    public void refresh() {
        GuestDebugTarget t = GuestContext.target();
        if (t == null || t.isTerminated()) {
            show(new String[0][], -1);
            return;
        }
        instructionStepping.setChecked(t.isInstructionStepping());
        VmDebugger vm = t.debugger();
        int hart = GuestContext.hart();
        if (!vm.isSuspended(hart)) {
            show(new String[0][], -1);
            return;
        }
        long pc = vm.pc(hart);
        long a = start(t, pc);
        String[][] rows = new String[ROWS][];
        int marked = -1;
        for (int row = 0; row < ROWS; row++) {
            int bits = vm.readInstruction(hart, a);
            String label = t.kernel().label(a);
            DwarfLineTable.Row line = t.kernel().lines().rowAt(a);
            int length = (bits & 3) == 3 ? 4 : 2;
            String text;
            if (bits == 0 && vm.readInstruction(hart, a) == 0) {
                text = "(not readable)";
            } else {
                try {
                    text = Listing.spaced(disassembler.disassemble(a, bits));
                } catch (RuntimeException e) {
                    text = ".insn";
                }
            }
            rows[row] = new String[] {a == pc ? "=>" : "", String.format(Locale.ROOT, "0x%x", a),
                label != null && !label.contains("+") ? label + ":" : "",
                length == 4 ? String.format(Locale.ROOT, "%08x", bits) : String.format(Locale.ROOT, "%04x", bits & 0xffff),
                text, line == null ? "" : line.file().substring(line.file().lastIndexOf('/') + 1) + ":" + line.line()};
            if (a == pc) {
                marked = row;
            }
            a += length;
        }
        show(rows, marked);
    }

    /**
     * Puts {@code rows} in the table, touching only the cells that changed: a step usually moves the marker
     * and nothing else, and remaking 64 rows of a native table costs more than the rest of the refresh.
     */
    private void show(String[][] rows, int marked) {
        if (table.getItemCount() != rows.length) {
            table.setItemCount(rows.length);
            String[][] kept = new String[rows.length][];
            System.arraycopy(shown, 0, kept, 0, Math.min(shown.length, rows.length));
            shown = kept;
        }
        for (int r = 0; r < rows.length; r++) {
            TableItem item = null;
            for (int c = 0; c < rows[r].length; c++) {
                if (shown[r] == null || !rows[r][c].equals(shown[r][c])) {
                    if (item == null) {
                        item = table.getItem(r);
                    }
                    item.setText(c, rows[r][c]);
                }
            }
            shown[r] = rows[r];
        }
        if (marked < 0) {
            table.deselectAll();
        } else if (table.getSelectionIndex() != marked || table.getSelectionCount() != 1) {
            table.setSelection(marked);
            table.showSelection();
        }
    }

    /** Where to start: the nearest label at most BEFORE instructions' worth above the pc, else the pc. */
    private static long start(GuestDebugTarget t, long pc) {
        String label = t.kernel().label(pc);
        if (label != null) {
            int plus = label.indexOf("+0x");
            long offset = plus < 0 ? 0 : Long.parseLong(label.substring(plus + 3), 16);
            if (offset <= BEFORE * 4L) {
                return pc - offset;
            }
        }
        return pc;
    }

    /** The table (for tests). */
    public Table table() {
        return table;
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
