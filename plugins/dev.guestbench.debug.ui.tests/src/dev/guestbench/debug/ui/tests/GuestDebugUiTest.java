package dev.guestbench.debug.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.MemoryByte;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.debug.ui.sourcelookup.ISourceDisplay;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.guestbench.asm.ui.tests.Workbench;
import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.breakpoints.GuestLineBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestTrapBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestWatchpoint;
import dev.guestbench.debug.core.launch.GuestLaunch;
import dev.guestbench.debug.core.launch.GuestLaunchConfigurations;
import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.core.model.GuestProcess;
import dev.guestbench.debug.core.model.GuestStackFrame;
import dev.guestbench.debug.core.model.GuestThread;
import dev.guestbench.debug.ui.GuestModelPresentation;
import dev.guestbench.debug.ui.breakpoints.LineBreakpointToggler;
import dev.guestbench.debug.ui.breakpoints.WatchpointPage;
import dev.guestbench.debug.ui.views.DisassemblyView;
import dev.guestbench.debug.ui.GuestSourceDisplay;
import dev.guestbench.debug.ui.views.PageTablesView;
import dev.guestbench.debug.ui.views.TrapHistoryView;
import dev.guestbench.debug.ui.views.VmmView;
import dev.guestbench.debug.ui.wizard.NewGuestKernelWizard;
import dev.guestbench.vmm.debug.SuspendReason;
import dev.guestbench.vmm.debug.TrapFilter;
import dev.guestbench.vmm.debug.Watchpoint;
import dev.guestbench.vmm.exit.ExitReason;
import dev.guestbench.vmm.exit.TrapRecord;

/**
 * The debugger in a real workbench: the wizard's example kernel is launched in Debug, stops at a line
 * breakpoint, has a register read and changed, steps by line and by instruction, stops at an ecall trap
 * breakpoint, shows in the Trap History, VMM and Disassembly views, and is terminated; a runaway guest
 * leaves the IDE responsive and terminates.
 */
class GuestDebugUiTest {

    private static final Duration LOOSE = Duration.ofSeconds(60);

    @BeforeAll
    static void prepare() throws Exception {
        Workbench.shell().setBounds(0, 0, 1440, 900);
        // The console would come to the front on every line the guest prints, covering the views shot below.
        DebugUITools.getPreferenceStore().setValue("DEBUG.consoleOpenOnOut", false);
        DebugUITools.getPreferenceStore().setValue("DEBUG.consoleOpenOnErr", false);
        PlatformUI.getWorkbench().showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
    }

    @AfterEach
    void cleanUp() throws CoreException {
        for (ILaunch l : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            if (!l.isTerminated()) {
                l.terminate();
            }
        }
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(
                DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(GuestDebug.MODEL_ID), true);
    }

    @Test
    void theWizardsKernelIsDebuggedFromLineBreakpointToTermination() throws Exception {
        // The wizard, as a user finishes it.
        NewGuestKernelWizard wizard = new NewGuestKernelWizard();
        wizard.init(PlatformUI.getWorkbench(), null);
        WizardDialog dialog = new WizardDialog(Workbench.shell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertTrue(wizard.performFinish());
        dialog.close();
        IProject project = wizard.project();
        IFile kernel = project.getFile(NewGuestKernelWizard.KERNEL);
        assertTrue(kernel.exists());
        ILaunchConfiguration config = wizard.configuration();
        assertNotNull(config);

        int line = lineOf(kernel, "mv      a0, s0");
        GuestLineBreakpoint lineBreakpoint = LineBreakpointToggler.toggle(kernel, line);
        assertNotNull(lineBreakpoint);

        // Visible before the first suspend, so that it takes the debug context the suspend brings.
        Workbench.page().showView(IDebugUIConstants.ID_REGISTER_VIEW);
        ILaunch launch = launch(config, ILaunchManager.DEBUG_MODE);
        Workbench.waitUntil("a debug target", LOOSE, () -> launch.getDebugTarget() != null);
        GuestDebugTarget target = (GuestDebugTarget) launch.getDebugTarget();
        GuestThread thread = target.thread(0);
        Workbench.waitUntil("the stop at the line breakpoint", LOOSE, thread::isSuspended);
        assertEquals(SuspendReason.BREAKPOINT, thread.lastSuspend().reason());
        GuestStackFrame frame = (GuestStackFrame) thread.getTopStackFrame();
        assertEquals(line, frame.getLineNumber());
        assertTrue(frame.getName().startsWith("round+0x2 "), frame.getName());
        IBreakpoint[] hit = thread.getBreakpoints();
        assertEquals(1, hit.length);
        assertEquals(lineBreakpoint, hit[0]);

        // Read and change a register: s0 counts rounds; 2 leaves one more round to go.
        IRegister s0 = register(frame, "General", "x8 (s0)");
        assertEquals("0x0000000000000001", s0.getValue().getValueString());
        s0.setValue("2");
        assertEquals(2, target.debugger().gpr(0, 8));
        IRegister sstatus = register(frame, "Supervisor CSRs", "sstatus");
        assertTrue(sstatus.getValue().hasVariables(), "sstatus shows its fields");
        IRegister scause = register(frame, "Supervisor CSRs", "scause");
        assertTrue(scause.getValue().getValueString().contains("("), scause.getValue().getValueString());
        IViewPart registers = Workbench.page().showView(IDebugUIConstants.ID_REGISTER_VIEW);
        Viewer viewer = ((IDebugView) registers).getViewer();
        // The platform's Registers view shows the frame's register groups. Under Xvfb it takes the debug
        // context when it becomes visible, which maximizing it makes sure of.
        IWorkbenchPage page = Workbench.page();
        long settled = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Workbench.waitUntil("the suspend's source display", LOOSE, () -> System.nanoTime() > settled);
        page.activate(registers);
        page.setPartState(page.getReference(registers), IWorkbenchPage.STATE_MAXIMIZED);
        page.activate(registers);
        try {
            Workbench.waitUntil("the Registers view's four groups", LOOSE, () -> viewer.getControl() instanceof Tree t
                    && t.getItemCount() == 4 && t.getItem(0).getText().equals("General")
                    && t.getItem(3).getText().equals("Supervisor CSRs"));
            Tree registerTree = (Tree) viewer.getControl();
            TreeItem general = registerTree.getItem(0);
            Trees.expand(general);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Workbench.waitUntil("the general registers (or 10 s)", LOOSE, () -> System.nanoTime() > until
                    || general.getItemCount() > 9 && general.getItem(9).getText().startsWith("x8"));
            Workbench.settle();
            Workbench.screenshot("debug-registers.png");
        } finally {
            page.setPartState(page.getReference(registers), IWorkbenchPage.STATE_RESTORED);
        }

        // Step by line: `mv a0, s0` -> `call print_digit` -> (over the call) `li t0, 3`.
        thread.stepOver();
        Workbench.waitUntil("a line step", LOOSE, () -> thread.isSuspended() && !thread.isStepping());
        assertEquals(line + 1, ((GuestStackFrame) thread.getTopStackFrame()).getLineNumber());
        // One frame per vCPU, moved by the step: the Registers view keeps its input and refreshes in place.
        assertSame(frame, thread.getTopStackFrame());
        assertTrue(frame.getAdapter(ISourceDisplay.class) instanceof GuestSourceDisplay);
        Workbench.waitUntil("the editor at the stepped line", LOOSE, () -> editorLine() == line + 1);
        // The Registers view refreshes in place (FrameModelProxy): its pc row follows the step.
        String pcText = String.format("0x%016x", target.debugger().pc(0));
        Tree registerRows = (Tree) viewer.getControl();
        Workbench.waitUntil("the Registers view's pc after the step", LOOSE, () -> registerRows.getItem(0).getItemCount() > 0
                && pcText.equals(registerRows.getItem(0).getItem(0).getText(1)));
        thread.stepOver();
        Workbench.waitUntil("a line step over the call", LOOSE, () -> thread.isSuspended() && !thread.isStepping());
        assertEquals(line + 2, ((GuestStackFrame) thread.getTopStackFrame()).getLineNumber());

        // Step by instruction.
        long pc = target.debugger().pc(0);
        target.setInstructionStepping(true);
        thread.stepInto();
        Workbench.waitUntil("an instruction step", LOOSE, () -> thread.isSuspended() && !thread.isStepping());
        long after = target.debugger().pc(0);
        assertTrue(after == pc + 2 || after == pc + 4, String.format("pc 0x%x after 0x%x", after, pc));
        target.setInstructionStepping(false);

        // A trap breakpoint on ecall.
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(lineBreakpoint, true);
        GuestTrapBreakpoint trap = new GuestTrapBreakpoint(ResourcesPlugin.getWorkspace().getRoot(),
                TrapFilter.of(ExitReason.ECALL));
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(trap);
        long suspends = target.suspendCount();
        target.resume();
        Workbench.waitUntil("the stop at the ecall", LOOSE,
                () -> target.suspendCount() > suspends && thread.isSuspended());
        assertEquals(SuspendReason.TRAP, thread.lastSuspend().reason());
        var history = target.debugger().trapHistory();
        TrapRecord last = history.get(history.size() - 1);
        assertEquals(ExitReason.ECALL, last.reason());

        // The views.
        TrapHistoryView traps = (TrapHistoryView) Workbench.page().showView(TrapHistoryView.ID);
        traps.refresh();
        assertEquals(history.size(), traps.table().getItemCount());
        TableItem lastRow = traps.table().getItem(traps.table().getItemCount() - 1);
        assertTrue(lastRow.getText(3).contains("ecall"), lastRow.getText(3));
        Path csv = Files.createTempFile("traps", ".csv");
        traps.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(history.size() + 1, lines.size());
        shot(traps, "debug-trap-history.png");

        VmmView vmm = (VmmView) Workbench.page().showView(VmmView.ID);
        vmm.refresh();
        TreeItem vm = vmm.tree().getItem(0);
        assertTrue(vm.getText(0).startsWith("VM "), vm.getText(0));
        assertTrue(vm.getItem(0).getItem(0).getText(1).contains("suspended"), vm.getItem(0).getItem(0).getText(1));
        TreeItem uart = child(child(vm, "Devices"), "uart0 @ 0x10000000");
        assertTrue(uart.getText(1).startsWith("ns16550a UART"), uart.getText(1));
        TreeItem lsr = child(uart, "LSR  +0x5");
        assertTrue(lsr.getText(1).startsWith("0x60  THRE TEMT") || lsr.getText(1).startsWith("0x61  DR THRE TEMT"),
                lsr.getText(1));
        TreeItem plic = child(child(vm, "Devices"), "plic @ 0xc000000");
        assertEquals(1, plic.getItemCount(), "a collapsed device's registers are not read: a placeholder");
        Trees.expand(plic);
        vmm.refresh();
        TreeItem threshold = child(child(plic, "context 1 (hart 0, S-mode)"), "threshold  +0x201000");
        assertTrue(threshold.getText(1).startsWith("0x00000000  priorities above 0"), threshold.getText(1));
        plic.setExpanded(false);
        vmm.tree().showItem(lsr);
        shot(vmm, "debug-vmm.png");

        DisassemblyView disassembly = (DisassemblyView) Workbench.page().showView(DisassemblyView.ID);
        disassembly.refresh();
        boolean marked = false;
        boolean ecall = false;
        for (TableItem row : disassembly.table().getItems()) {
            marked |= row.getText(0).equals("=>") && row.getText(1).equals(String.format("0x%x", target.debugger().pc(0)));
            ecall |= row.getText(4).contains("ecall");
        }
        assertTrue(marked, "the pc's row is marked");
        assertTrue(ecall, "the ecall just taken is listed");
        shot(disassembly, "debug-disassembly.png");

        PageTablesView tables = (PageTablesView) Workbench.page().showView(PageTablesView.ID);
        tables.refresh();
        TreeItem guestTable = tables.tree().getItem(0);
        assertTrue(guestTable.getText(0).contains("Sv39"), guestTable.getText(0));
        assertTrue(tables.reveal("0x80200000"), "the kernel's code is mapped");
        TreeItem leaf = tables.tree().getSelection()[0];
        assertTrue(leaf.getText(0).startsWith("0x80000000 - 0xbfffffff (1 GiB)"), leaf.getText(0));
        assertEquals("RWX--AD", leaf.getText(3));
        TreeItem shadowTable = tables.tree().getItem(1);
        assertTrue(shadowTable.getText(0).startsWith("Shadow table"), shadowTable.getText(0));
        assertTrue(shadowTable.getItemCount() > 0, "the hypervisor has shadowed the kernel's pages");
        shot(tables, "debug-page-tables.png");

        target.terminate();
        Workbench.waitUntil("termination", LOOSE, target::isTerminated);
        Workbench.waitUntil("the launch to end", LOOSE, launch::isTerminated);
    }

    /** Maps RAM, then devices (a guest mapping made while the view looks), then touches a data page. */
    private static final String PAGING_KERNEL = String.join("\n",
            "    .section .text",
            "    .globl _start",
            "_start:",
            "    la t0, root",
            "    li t1, 0x200000cf",
            "    sd t1, 16(t0)",
            "    srli t0, t0, 12",
            "    li t1, 8",
            "    slli t1, t1, 60",
            "    or t0, t0, t1",
            "    csrw satp, t0",
            "    sfence.vma",
            "    la t0, root",
            "    li t1, 0xc7",
            "map_devices:",
            "    sd t1, 0(t0)",
            "    sfence.vma",
            "    la t2, data",
            "    ld t3, 0(t2)",
            "touched:",
            "    li a7, 0x53525354",
            "    li a6, 0",
            "    li a0, 0",
            "    li a1, 0",
            "    ecall",
            "halt:",
            "    j halt",
            "    .section .bss",
            "    .balign 4096",
            "root:",
            "    .space 4096",
            "data:",
            "    .space 4096",
            "");

    @Test
    void thePageTablesViewHighlightsChangesAndShowsTheNestedWalk() throws Exception {
        NewGuestKernelWizard wizard = new NewGuestKernelWizard();
        wizard.create("paging", null);
        IFile kernel = wizard.project().getFile("paging.S");
        kernel.create(new ByteArrayInputStream(PAGING_KERNEL.getBytes(StandardCharsets.US_ASCII)), true, null);
        assertNotNull(LineBreakpointToggler.toggle(kernel, lineOf(kernel, "map_devices:") + 1));
        assertNotNull(LineBreakpointToggler.toggle(kernel, lineOf(kernel, "touched:") + 1));

        // Shadow paging: a new guest mapping, then a new shadow entry, each highlighted at the next suspend.
        ILaunch launch = launch(GuestLaunchConfigurations.create(kernel), ILaunchManager.DEBUG_MODE);
        Workbench.waitUntil("a debug target", LOOSE, () -> launch.getDebugTarget() != null);
        GuestDebugTarget target = (GuestDebugTarget) launch.getDebugTarget();
        GuestThread thread = target.thread(0);
        Workbench.waitUntil("the stop before the mapping", LOOSE, thread::isSuspended);
        PageTablesView tables = (PageTablesView) Workbench.page().showView(PageTablesView.ID);
        tables.refresh();
        assertEquals(1, tables.tree().getItem(0).getItemCount(), "RAM's gigapage only");
        assertTrue(tables.tree().getItem(2).getText(0).startsWith("Nested walk: does not apply in shadow mode"),
                tables.tree().getItem(2).getText(0));
        stepInstruction(target, thread);
        tables.refresh();
        TreeItem guest = tables.tree().getItem(0);
        assertEquals(2, guest.getItemCount());
        TreeItem devices = guest.getItem(0);
        assertTrue(devices.getText(0).startsWith("0x0 - 0x3fffffff (1 GiB)"), devices.getText(0));
        assertEquals(tables.changedColor(), devices.getBackground(), "the new mapping is highlighted");
        assertTrue(!tables.changedColor().equals(guest.getItem(1).getBackground()), "RAM's mapping did not change");

        long suspends = target.suspendCount();
        target.resume();
        Workbench.waitUntil("the stop after the data page's first touch", LOOSE,
                () -> target.suspendCount() > suspends && thread.isSuspended());
        tables.refresh();
        long data = target.debugger().gpr(0, 7);
        assertTrue(tables.reveal(String.format("0x%x", data)));
        TreeItem shadowLeaf = expandedLeaf(tables.tree().getItem(1), data);
        assertEquals(tables.changedColor(), shadowLeaf.getBackground(), "the data page's new shadow entry");
        TreeItem codeLeaf = expandedLeaf(tables.tree().getItem(1), target.debugger().pc(0));
        assertTrue(!tables.changedColor().equals(codeLeaf.getBackground()), "the code page was shadowed before");
        shot(tables, "debug-page-tables-changes.png");
        // A step keeps what was opened and selected (the view rebuilds its rows at each suspend).
        assertEquals(1, tables.tree().getSelectionCount(), "reveal selects the guest leaf");
        String selected = tables.tree().getSelection()[0].getText(0);
        stepInstruction(target, thread);
        tables.refresh();
        expandedLeaf(tables.tree().getItem(1), data);
        assertEquals(1, tables.tree().getSelectionCount(), "the selection survives a step");
        assertEquals(selected, tables.tree().getSelection()[0].getText(0));
        target.terminate();
        Workbench.waitUntil("termination", LOOSE, target::isTerminated);

        // Nested paging: the two-dimensional walk of the pc, then of an address found.
        var config = GuestLaunchConfigurations.create(kernel).getWorkingCopy();
        config.setAttribute(dev.guestbench.debug.core.launch.GuestLaunch.PAGING, "nested");
        ILaunch nested = launch(config.doSave(), ILaunchManager.DEBUG_MODE);
        Workbench.waitUntil("a debug target", LOOSE, () -> nested.getDebugTarget() != null);
        GuestDebugTarget nestedTarget = (GuestDebugTarget) nested.getDebugTarget();
        GuestThread nestedThread = nestedTarget.thread(0);
        Workbench.waitUntil("the stop before the mapping", LOOSE, nestedThread::isSuspended);
        tables.refresh();
        assertTrue(tables.tree().getItem(1).getText(0).startsWith("G-stage table (nested paging)"),
                tables.tree().getItem(1).getText(0));
        TreeItem walk = tables.tree().getItem(2);
        long pc = nestedTarget.debugger().pc(0);
        assertEquals(String.format("Nested walk of 0x%x: 7 references", pc), walk.getText(0));
        assertEquals(String.format("0x%x", pc), walk.getText(1), "the GPA: RAM is identity-mapped");
        assertEquals("mapped", walk.getText(4));
        assertEquals(7, walk.getItemCount());
        assertEquals("1. G-stage level 2 (guest level-2 table)", walk.getItem(0).getText(0));
        assertEquals("4. guest PTE, level 2", walk.getItem(3).getText(0));
        assertEquals("RWX--AD", walk.getItem(3).getText(3));
        assertEquals("7. G-stage level 0 (final GPA)", walk.getItem(6).getText(0));
        assertEquals(walk.getText(2), walk.getItem(6).getText(2), "the host frame the walk ends in");
        stepInstruction(nestedTarget, nestedThread);
        tables.refresh();
        assertEquals(nestedThreadChanged(tables), tables.changedColor(), "the new mapping is highlighted in nested mode too");
        assertTrue(tables.reveal("0x10000000"));
        walk = tables.tree().getItem(2);
        assertEquals("Nested walk of 0x10000000: 5 references", walk.getText(0));
        assertEquals("0x10000000", walk.getText(1));
        assertEquals("no host frame", walk.getText(4), "MMIO: the G-stage table never maps it");
        assertEquals("RW---AD", walk.getItem(3).getText(3));
        shot(tables, "debug-page-tables-nested.png");
        nestedTarget.terminate();
        Workbench.waitUntil("termination", LOOSE, nestedTarget::isTerminated);
    }

    private static org.eclipse.swt.graphics.Color nestedThreadChanged(PageTablesView tables) {
        TreeItem devices = tables.tree().getItem(0).getItem(0);
        assertTrue(devices.getText(0).startsWith("0x0 - 0x3fffffff (1 GiB)"), devices.getText(0));
        return devices.getBackground();
    }

    /** The line (1-based) the active editor has selected, as source display leaves it; -1 if none. */
    private static int editorLine() {
        IEditorPart editor = Workbench.page().getActiveEditor();
        if (editor instanceof org.eclipse.ui.texteditor.ITextEditor text
                && text.getSelectionProvider().getSelection() instanceof ITextSelection selection) {
            return selection.getStartLine() + 1;
        }
        return -1;
    }

    /** One instruction step of {@code thread}, waited for. */
    private static void stepInstruction(GuestDebugTarget target, GuestThread thread) throws Exception {
        long suspends = target.suspendCount();
        target.setInstructionStepping(true);
        try {
            thread.stepInto();
            Workbench.waitUntil("an instruction step", LOOSE, () -> target.suspendCount() > suspends && thread.isSuspended());
        } finally {
            target.setInstructionStepping(false);
        }
    }

    /** The expanded leaf under {@code root} whose page-table entry maps {@code va}. */
    private static TreeItem expandedLeaf(TreeItem root, long va) {
        TreeItem at = root;
        while (true) {
            TreeItem next = null;
            for (TreeItem c : at.getItems()) {
                if (c.getData("node") instanceof dev.guestbench.vmm.memory.PageTableNode n
                        && Long.compareUnsigned(va - n.gva(), n.size()) < 0) {
                    next = c;
                }
            }
            assertNotNull(next, String.format("no entry for 0x%x under '%s' (expanded: %b)", va, at.getText(0),
                    at.getExpanded()));
            if (((dev.guestbench.vmm.memory.PageTableNode) next.getData("node")).isLeaf()) {
                return next;
            }
            at = next;
        }
    }

    @Test
    void theTrapHistoryViewHoldsAMillionRecords() throws Exception {
        NewGuestKernelWizard wizard = new NewGuestKernelWizard();
        wizard.create("million", null);
        IFile ecalls = wizard.project().getFile("ecalls.S");
        ecalls.create(new ByteArrayInputStream(String.join("\n",
                "    .section .text",
                "    .globl _start",
                "_start:",
                "    li a7, 0x10",
                "    li a6, 0",
                "loop:",
                "    ecall",
                "    j loop",
                "").getBytes(StandardCharsets.US_ASCII)), true, null);
        ILaunch launch = launch(GuestLaunchConfigurations.create(ecalls), ILaunchManager.DEBUG_MODE);
        Workbench.waitUntil("a debug target", LOOSE, () -> launch.getDebugTarget() != null);
        GuestDebugTarget target = (GuestDebugTarget) launch.getDebugTarget();
        var history = target.debugger().trapHistory();
        // A filter set while the guest runs looks at each record once, as it comes, and drops what the ring drops.
        TrapHistoryView view = (TrapHistoryView) Workbench.page().showView(TrapHistoryView.ID);
        view.filterCause("ecall");
        Workbench.waitUntil("1,100,000 exits", LOOSE, () -> {
            view.refresh();
            return history.total() >= 1_100_000;
        });
        target.suspend();
        Workbench.waitUntil("the suspend", LOOSE, target::isSuspended);
        long total = history.total();
        assertEquals(1 << 20, history.size(), "the default history keeps 2^20 records");
        view.refresh();
        assertEquals(1 << 20, view.table().getItemCount(), "every record held is an ecall");
        view.table().setTopIndex(0);
        Workbench.settle();
        assertEquals(Long.toString(total - (1 << 20)), view.table().getItem(0).getText(0), "the oldest held, filtered");
        view.filterCause("wfi");
        assertEquals(0, view.table().getItemCount(), "no wfi at all");
        view.filterCause("");

        view.refresh();
        var table = view.table();
        assertEquals(1 << 20, table.getItemCount());
        table.setTopIndex(0);
        Workbench.settle();
        assertEquals(Long.toString(total - (1 << 20)), table.getItem(0).getText(0), "the oldest record held");
        table.setTopIndex(table.getItemCount() - 1);
        Workbench.settle();
        assertEquals(Long.toString(total - 1), table.getItem(table.getItemCount() - 1).getText(0), "the newest");
        assertTrue(table.getItem(table.getItemCount() - 1).getText(3).contains("ecall"));
        target.terminate();
        Workbench.waitUntil("termination", LOOSE, target::isTerminated);
    }

    @Test
    void aRunawayGuestKeepsTheIdeResponsiveAndIsTerminated() throws Exception {
        NewGuestKernelWizard wizard = new NewGuestKernelWizard();
        wizard.create("runaway", null);
        IProject project = wizard.project();
        IFile flood = project.getFile("flood.S");
        flood.create(new ByteArrayInputStream(String.join("\n",
                "    .section .text",
                "    .globl _start",
                "_start:",
                "    li t0, 0x10000000",
                "    li t1, 'x'",
                "loop:",
                "    sb t1, 0(t0)",
                "    j loop",
                "").getBytes(StandardCharsets.US_ASCII)), true, null);
        ILaunchConfiguration config = GuestLaunchConfigurations.create(flood);
        ILaunch launch = launch(config, ILaunchManager.RUN_MODE);
        Workbench.waitUntil("the VM process", LOOSE, () -> launch.getProcesses().length > 0);
        GuestProcess process = (GuestProcess) launch.getProcesses()[0];
        // The UI thread keeps answering while the guest floods the console.
        for (int i = 0; i < 10; i++) {
            AtomicBoolean ran = new AtomicBoolean();
            Workbench.shell().getDisplay().asyncExec(() -> ran.set(true));
            Workbench.waitUntil("the UI thread to run a task", Duration.ofSeconds(10), ran::get);
        }
        assertTrue(!process.isTerminated());
        process.terminate();
        Workbench.waitUntil("the runaway guest to end", Duration.ofSeconds(10), process::isTerminated);
    }

    /** Two vCPUs that count, each in a doubleword of its own (hart 0 starts hart 1 through SBI HSM). */
    private static final String SMP_GUEST = String.join("\n",
            "    .option norelax",
            "    .section .text",
            "    .globl _start",
            "_start:",
            "    li a7, 0x48534D",
            "    li a6, 0",
            "    li a0, 1",
            "    la a1, secondary",
            "    li a2, 0",
            "    ecall",
            "    la s1, count0",
            "loop0:",
            "    ld t0, 0(s1)",
            "    addi t0, t0, 1",
            "    sd t0, 0(s1)",
            "    j loop0",
            "secondary:",
            "    la s1, count1",
            "loop1:",
            "    ld t0, 0(s1)",
            "    addi t0, t0, 1",
            "store1:",
            "    sd t0, 0(s1)",
            "    j loop1",
            "    .section .data",
            "    .balign 8",
            "count0:",
            "    .dword 0",
            "count1:",
            "    .dword 0",
            "");

    /** A launch configuration of a new project's {@code name}.S holding {@code source}, with {@code harts} vCPUs. */
    private static ILaunchConfiguration kernel(String name, String source, int harts) throws Exception {
        NewGuestKernelWizard wizard = new NewGuestKernelWizard();
        wizard.create(name, null);
        IFile file = wizard.project().getFile(name + ".S");
        file.create(new ByteArrayInputStream(source.getBytes(StandardCharsets.US_ASCII)), true, null);
        var copy = GuestLaunchConfigurations.create(file).getWorkingCopy();
        copy.setAttribute(GuestLaunch.HARTS, harts);
        return copy.doSave();
    }

    @Test
    void aWatchpointStopsEveryVcpuAndEachVcpuThenRunsOnItsOwn() throws Exception {
        ILaunchConfiguration config = kernel("smp", SMP_GUEST, 2);
        List<DebugEvent> debugEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        IDebugEventSetListener listener = set -> debugEvents.addAll(List.of(set));
        DebugPlugin.getDefault().addDebugEventListener(listener);
        try {
            // The watchpoint is set before the launch; the kernel's labels are known only after it.
            GuestWatchpoint watch = new GuestWatchpoint(ResourcesPlugin.getWorkspace().getRoot(),
                    new Watchpoint(0x87ff_f000L, 8, Watchpoint.Kind.WRITE, false)); // untouched RAM
            DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(watch);
            ILaunch launch = launch(config, ILaunchManager.DEBUG_MODE);
            Workbench.waitUntil("a debug target", LOOSE, () -> launch.getDebugTarget() != null);
            GuestDebugTarget target = (GuestDebugTarget) launch.getDebugTarget();
            long count0 = target.kernel().address("count0");
            long count1 = target.kernel().address("count1");
            long store1 = target.kernel().address("store1");
            // Move it onto count1 (the properties page's way): the VM takes the change while it runs.
            watch.set(count1, 8, false, true, false);
            GuestThread thread0 = target.thread(0);
            GuestThread thread1 = target.thread(1);
            Workbench.waitUntil("the stop at the watchpoint", LOOSE, thread1::isSuspended);
            assertEquals(SuspendReason.WATCHPOINT, thread1.lastSuspend().reason());
            assertTrue(thread0.isSuspended(), "all-stop: vCPU 0 stopped too");
            String label = new GuestModelPresentation().getText(thread1);
            assertTrue(label.contains(String.format("suspended: watchpoint write 0x%x (8 bytes): 0x", count1))
                    && label.endsWith(String.format(" at pc 0x%x)", store1)), label);
            assertEquals(List.of(watch), List.of(thread1.getBreakpoints()));
            assertEquals(String.format("Write watchpoint: [0x%x, +8) guest-virtual", count1),
                    new GuestModelPresentation().getText(watch));
            assertTrue(watch.isModification() && !watch.isAccess());
            Workbench.waitUntil("the suspend events", LOOSE, () -> suspended(debugEvents, thread1, DebugEvent.BREAKPOINT)
                    && suspended(debugEvents, thread0, DebugEvent.CLIENT_REQUEST));
            DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(watch, true);

            // Resume vCPU 1 alone: vCPU 0 stays where it is.
            long before0 = read(target, count0);
            long before1 = read(target, count1);
            debugEvents.clear();
            assertTrue(thread1.canResume());
            thread1.resume();
            Workbench.waitUntil("vCPU 1 counting", LOOSE, () -> read(target, count1) > before1 + 1000);
            assertTrue(thread0.isSuspended());
            assertFalse(thread1.isSuspended());
            assertTrue(target.canResume() && target.canSuspend(), "one vCPU runs, one is suspended");
            assertEquals(before0, read(target, count0));
            // The platform dispatches debug events on its own thread: the resume event may come after the count.
            Workbench.waitUntil("vCPU 1's resume event", LOOSE, () -> debugEvents.stream()
                    .anyMatch(e -> e.getSource() == thread1 && e.getKind() == DebugEvent.RESUME));
            assertFalse(debugEvents.stream().anyMatch(e -> e.getSource() == thread0), debugEvents.toString());
            assertTrue(new GuestModelPresentation().getText(thread1).contains("(running)"));

            // Step vCPU 0 by instruction while vCPU 1 runs on; then suspend vCPU 1 alone.
            target.setInstructionStepping(true);
            long pc0 = target.debugger().pc(0);
            thread0.stepInto();
            Workbench.waitUntil("vCPU 0's step", LOOSE, () -> thread0.isSuspended() && !thread0.isStepping());
            assertEquals(pc0 + 4, target.debugger().pc(0));
            assertFalse(thread1.isSuspended(), "vCPU 1 runs on");
            thread1.suspend();
            Workbench.waitUntil("vCPU 1 suspended", LOOSE, thread1::isSuspended);
            assertEquals(SuspendReason.CLIENT, thread1.lastSuspend().reason());
            assertTrue(target.isSuspended());
            assertFalse(target.canSuspend());
            target.terminate();
            Workbench.waitUntil("termination", LOOSE, target::isTerminated);
        } finally {
            DebugPlugin.getDefault().removeDebugEventListener(listener);
        }
    }

    @Test
    void memoryBlocksReadAndWriteGuestVirtualAndGuestPhysicalMemory() throws Exception {
        ILaunch launch = launch(kernel("memory", SMP_GUEST, 2), ILaunchManager.DEBUG_MODE);
        Workbench.waitUntil("a debug target", LOOSE, () -> launch.getDebugTarget() != null);
        GuestDebugTarget target = (GuestDebugTarget) launch.getDebugTarget();
        long count1 = target.kernel().address("count1");
        Workbench.waitUntil("vCPU 1 counting", LOOSE, () -> read(target, count1) > 100);
        target.suspend();
        Workbench.waitUntil("the suspend", LOOSE, target::isSuspended);

        // The same doubleword through vCPU 1's translation (by label) and guest-physical (label + offset).
        IMemoryBlockExtension virtual = target.getExtendedMemoryBlock("count1", target.thread(1));
        IMemoryBlockExtension physical = target.getExtendedMemoryBlock("phys:count0+8", target.thread(0));
        assertEquals(BigInteger.valueOf(count1), virtual.getBigBaseAddress());
        assertEquals(BigInteger.valueOf(count1), physical.getBigBaseAddress());
        long now = read(target, count1);
        assertEquals(now, value(virtual.getBytesFromOffset(BigInteger.ZERO, 8)));
        assertEquals(now, value(physical.getBytesFromOffset(BigInteger.ZERO, 8)));
        MemoryByte[] none = target.getExtendedMemoryBlock("0x40000000", target.thread(0))
                .getBytesFromOffset(BigInteger.ZERO, 16);
        assertFalse(none[0].isReadable(), "no RAM there: unreadable, not zero");
        DebugException bad = org.junit.jupiter.api.Assertions.assertThrows(DebugException.class,
                () -> target.getExtendedMemoryBlock("no_such_label", target.thread(0)));
        assertTrue(bad.getMessage().contains("no_such_label"), bad.getMessage());

        // Written both ways, the guest counts on from the new values.
        physical.setValue(BigInteger.ZERO, bytes(1_000_000_000L));
        IMemoryBlockExtension count0 = target.getExtendedMemoryBlock("count0", target.thread(0));
        count0.setValue(BigInteger.ZERO, bytes(2_000_000_000L));
        assertEquals(1_000_000_000L, value(virtual.getBytesFromOffset(BigInteger.ZERO, 8)));
        DebugPlugin.getDefault().getMemoryBlockManager().addMemoryBlocks(new IMemoryBlock[] {virtual, physical});
        Workbench.page().showView(IDebugUIConstants.ID_MEMORY_VIEW);
        Workbench.settle();
        target.resume();
        Workbench.waitUntil("the guest counting on from what was written", LOOSE,
                () -> read(target, count1) > 1_000_000_000L && read(target, target.kernel().address("count0")) > 2_000_000_000L);
        DebugPlugin.getDefault().getMemoryBlockManager().removeMemoryBlocks(new IMemoryBlock[] {virtual, physical});
        target.terminate();
        Workbench.waitUntil("termination", LOOSE, target::isTerminated);
    }

    private static long value(MemoryByte[] bytes) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            assertTrue(bytes[i].isReadable());
            v |= (bytes[i].getValue() & 0xffL) << (8 * i);
        }
        return v;
    }

    private static byte[] bytes(long v) {
        return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    @Test
    void theWatchpointPropertiesPageChangesRangeAndKindAndRefusesBadInput() throws Exception {
        GuestWatchpoint watch = new GuestWatchpoint(ResourcesPlugin.getWorkspace().getRoot(),
                new Watchpoint(0x8000_1000L, 4, Watchpoint.Kind.WRITE, false));
        WatchpointPage page = new WatchpointPage();
        page.setElement(watch);
        Shell shell = new Shell(Workbench.shell());
        try {
            page.createControl(shell);
            List<Text> texts = new java.util.ArrayList<>();
            List<Combo> combos = new java.util.ArrayList<>();
            collect(page.getControl(), texts, combos);
            assertEquals("0x80001000", texts.get(0).getText());
            assertEquals("4", texts.get(1).getText());
            texts.get(0).setText("0x80002000");
            texts.get(1).setText("16");
            combos.get(0).select(2); // read or write
            assertTrue(page.performOk(), String.valueOf(page.getErrorMessage()));
            assertEquals(0x8000_2000L, watch.address());
            assertEquals(16, watch.length());
            assertTrue(watch.isAccess() && watch.isModification());
            assertEquals(Watchpoint.Kind.ACCESS, watch.watchpoint().kind());
            texts.get(1).setText("0");
            assertFalse(page.performOk());
            assertTrue(page.getErrorMessage().contains("1 to"), page.getErrorMessage());
            assertEquals(16, watch.length(), "unchanged");
        } finally {
            shell.dispose();
            DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(watch, true);
        }
    }

    private static void collect(Control c, List<Text> texts, List<Combo> combos) {
        if (c instanceof Text t) {
            texts.add(t);
        } else if (c instanceof Combo k) {
            combos.add(k);
        } else if (c instanceof Composite parent) {
            for (Control child : parent.getChildren()) {
                collect(child, texts, combos);
            }
        }
    }

    private static boolean suspended(List<DebugEvent> events, Object source, int detail) {
        return events.stream().anyMatch(e -> e.getSource() == source && e.getKind() == DebugEvent.SUSPEND
                && e.getDetail() == detail);
    }

    private static long read(GuestDebugTarget target, long va) {
        byte[] b = new byte[8];
        assertEquals(8, target.debugger().readVirtual(0, va, b));
        return java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** A screenshot of the workbench with {@code view} maximized. */
    private static void shot(IViewPart view, String name) throws Exception {
        IWorkbenchPage page = Workbench.page();
        Workbench.settle(); // the source display of the last suspend first, or its editor pops over the shot
        page.activate(view);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        page.activate(view);
        try {
            Workbench.settle();
            Workbench.screenshot(name);
        } finally {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        }
    }

    private static ILaunch launch(ILaunchConfiguration config, String mode) {
        return Launches.launch(config, mode, LOOSE);
    }

    /** The child of {@code parent} whose first column reads {@code text}. */
    private static TreeItem child(TreeItem parent, String text) {
        for (TreeItem c : parent.getItems()) {
            if (c.getText(0).equals(text)) {
                return c;
            }
        }
        throw new AssertionError("no '" + text + "' under '" + parent.getText(0) + "'");
    }

    private static int lineOf(IFile file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file.getLocation().toPath());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static IRegister register(GuestStackFrame frame, String group, String name) throws Exception {
        for (IRegisterGroup g : frame.getRegisterGroups()) {
            if (g.getName().equals(group)) {
                for (IRegister r : g.getRegisters()) {
                    if (r.getName().equals(name)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no register " + name + " in group " + group);
    }
}
