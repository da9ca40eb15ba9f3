package dev.guestbench.debug.ui.tests.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.memory.IMemoryRendering;
import org.eclipse.debug.ui.memory.IMemoryRenderingContainer;
import org.eclipse.debug.ui.memory.IMemoryRenderingSite;
import org.eclipse.debug.ui.memory.IMemoryRenderingType;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.guestbench.asm.ui.tests.Workbench;
import dev.guestbench.debug.ui.tests.Launches;
import dev.guestbench.debug.core.launch.GuestLaunchConfigurations;
import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.core.model.GuestThread;
import dev.guestbench.debug.ui.views.TrapHistoryView;
import dev.guestbench.debug.ui.wizard.NewGuestKernelWizard;

/**
 * The debugger UI's speed, run by hand ({@code bench/debugger-ui/run}), never in the normal test run (its
 * name does not end in Test, and the run selects it explicitly). Three measurements:
 * <ol>
 * <li>Instruction steps with at least 100,000 trap records and every debugger view visible at once (the
 * {@link BenchPerspective}): for each step, from the step request until each view's last repaint, and
 * until the whole workbench is idle again.</li>
 * <li>The Trap History view holding 2^20 records, scrolled page by page from the top to the bottom: time
 * per page, and how many rows were ever filled (the table is virtual: only rows shown are made).</li>
 * <li>Terminating a guest that loops forever: from the request until the target's TERMINATE event.</li>
 * </ol>
 * The report goes to the file named by the system property {@code guestbench.bench.report} and to stdout.
 */
class DebuggerUiBench {

    private static final Duration LOOSE = Duration.ofSeconds(120);
    /** The workbench counts as idle once nothing happened for this long (the figures end at the last activity). */
    private static final long QUIET_NANOS = Duration.ofMillis(150).toNanos();
    private static final int WARMUP_STEPS = 5;
    private static final int STEPS = Integer.getInteger("guestbench.bench.steps", 30);
    private static final int SCROLL_PAGES = Integer.getInteger("guestbench.bench.pages", 400);
    private static final int TERMINATIONS = Integer.getInteger("guestbench.bench.terminations", 5);
    /** How many exits the guest makes before the steps (the history holds up to 2^20). */
    private static final long RECORDS = Long.getLong("guestbench.bench.records", 100_000);
    /** How many measured steps get their timeline printed (see {@link StepTimeline}). */
    private static final int TIMELINES = Integer.getInteger("guestbench.bench.timeline", 0);

    /** An endless loop of SBI calls: every fourth instruction is a hypercall exit with a trap record. */
    private static final String ECALLS = String.join("\n",
            "    .section .text",
            "    .globl _start",
            "_start:",
            "    li s0, 0",
            "loop:",
            "    li a7, 0x10",
            "    li a6, 0",
            "    ecall",
            "    addi s0, s0, 1",
            "    j loop",
            "");
    private static final String SPIN = String.join("\n",
            "    .section .text",
            "    .globl _start",
            "_start:",
            "    addi t0, t0, 1",
            "    j _start",
            "");

    private final StringBuilder report = new StringBuilder();
    private final Map<Widget, String> partOfWidget = new java.util.HashMap<>();
    /** The last repaint of each part in the current measurement, in System.nanoTime(). */
    private final Map<String, Long> lastPaint = new LinkedHashMap<>();
    /** The last repaint of each part in the current measurement that changed what the part shows. */
    private final Map<String, Long> lastChange = new LinkedHashMap<>();
    private final ShownContent content = new ShownContent();
    private long lastActivity;
    /** The timeline of the current step, or null when this step gets none. */
    private StepTimeline timeline;
    private final List<List<String>> timelines = new ArrayList<>();
    private final Map<Job, Long> busySince = new java.util.HashMap<>();

    @AfterEach
    void cleanUp() throws CoreException {
        for (ILaunch l : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            if (!l.isTerminated()) {
                l.terminate();
            }
        }
    }

    @Test
    void measure() throws Exception {
        Workbench.shell().setBounds(0, 0, 1440, 900);
        DebugUITools.getPreferenceStore().setValue("DEBUG.consoleOpenOnOut", false);
        DebugUITools.getPreferenceStore().setValue("DEBUG.consoleOpenOnErr", false);
        // No "switch perspective?" prompt at launch or suspend: the benchmark keeps its own layout.
        DebugUITools.getPreferenceStore().setValue("org.eclipse.debug.ui.switch_to_perspective", "never");
        DebugUITools.getPreferenceStore().setValue("org.eclipse.debug.ui.switch_perspective_on_suspend", "never");
        line("Guestbench debugger UI benchmark, %s, %d cores, JDK %s", java.time.LocalDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        line("load average before: %s", loadAverage());
        steps();
        scrollMillion();
        terminations();
        line("load average after: %s", loadAverage());
        String text = report.toString();
        System.out.println(text);
        String file = System.getProperty("guestbench.bench.report");
        if (file != null) {
            Files.createDirectories(Path.of(file).getParent());
            Files.writeString(Path.of(file), text);
        }
    }

    // ---- 1. steps with every view open --------------------------------------------------------------

    private void steps() throws Exception {
        NewGuestKernelWizard wizard = new NewGuestKernelWizard();
        wizard.create("benchsteps", null);
        IFile kernel = create(wizard, "ecalls.S", ECALLS);
        IWorkbenchPage page = Workbench.page();
        PlatformUI.getWorkbench().showPerspective(BenchPerspective.ID, PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        ILaunch launch = launch(GuestLaunchConfigurations.create(kernel));
        Workbench.waitUntil("a debug target", LOOSE, () -> launch.getDebugTarget() != null);
        GuestDebugTarget target = (GuestDebugTarget) launch.getDebugTarget();
        GuestThread thread = target.thread(0);
        var history = target.debugger().trapHistory();
        Workbench.waitUntil(String.format("%,d exits", RECORDS), LOOSE, () -> history.total() >= RECORDS);
        target.suspend();
        Workbench.waitUntil("the suspend", LOOSE, thread::isSuspended);
        PlatformUI.getWorkbench().showPerspective(BenchPerspective.ID, PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        for (String id : BenchPerspective.VIEWS) {
            page.showView(id);
        }
        addMemoryRendering(page, target);
        // The Debug view selects the suspended thread's frame: that is the context the other views show.
        Workbench.waitUntil("the debug context", LOOSE,
                () -> DebugUITools.getDebugContext() instanceof dev.guestbench.debug.core.model.GuestStackFrame);
        expandGeneralRegisters(page);
        Listener paints = e -> {
            String part = partOf(e.widget);
            long now = System.nanoTime();
            lastActivity = now;
            if (part != null) {
                lastPaint.put(part, now);
                if (content.changed(e.widget)) {
                    lastChange.put(part, now);
                }
                if (timeline != null) {
                    timeline.paint(part + " (" + e.widget.getClass().getSimpleName() + ")");
                }
            }
        };
        Display display = Workbench.shell().getDisplay();
        display.addFilter(SWT.Paint, paints);
        try {
            settle(target, thread, target.suspendCount() - 1);
            Workbench.screenshot("bench-all-views.png");
            target.setInstructionStepping(true);
            Map<String, List<Double>> perPart = new TreeMap<>();
            Map<String, List<Double>> changedPart = new TreeMap<>();
            List<Double> totals = new ArrayList<>();
            List<Double> withExit = new ArrayList<>();
            for (int i = 0; i < WARMUP_STEPS + STEPS; i++) {
                long records = history.total();
                long suspends = target.suspendCount();
                lastPaint.clear();
                lastChange.clear();
                long t0 = System.nanoTime();
                lastActivity = t0;
                boolean traced = i >= WARMUP_STEPS && i < WARMUP_STEPS + TIMELINES;
                timeline = traced ? new StepTimeline(t0) : null;
                thread.stepInto();
                long end = settle(target, thread, suspends);
                if (traced) {
                    timeline.close();
                    timelines.add(timeline.lines());
                    timeline = null;
                }
                if (i < WARMUP_STEPS) {
                    continue;
                }
                double total = (end - t0) / 1e6;
                totals.add(total);
                if (history.total() > records) {
                    withExit.add(total);
                }
                for (Map.Entry<String, Long> p : lastPaint.entrySet()) {
                    perPart.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add((p.getValue() - t0) / 1e6);
                }
                for (Map.Entry<String, Long> p : lastChange.entrySet()) {
                    changedPart.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add((p.getValue() - t0) / 1e6);
                }
            }
            target.setInstructionStepping(false);
            line("");
            line("1. Instruction steps: %,d trap records held (%,d exits in all), %d steps after %d warm-up steps,"
                    + " every view visible", history.size(), history.total(), STEPS, WARMUP_STEPS);
            line("   until the workbench is idle (no UI event, no job for %d ms; the figure ends at the last activity):",
                    QUIET_NANOS / 1_000_000);
            line("   %-34s %s", "all views (step request -> idle)", stats(totals));
            line("   %-34s %s", "  steps that made a trap record", stats(withExit));
            line("   per part, step request -> its last repaint (n = steps in which it repainted):");
            for (Map.Entry<String, List<Double>> p : perPart.entrySet()) {
                line("   %-34s %s", p.getKey(), stats(p.getValue()));
            }
            for (String id : BenchPerspective.VIEWS) {
                String name = name(id);
                if (!perPart.containsKey(name)) {
                    line("   %-34s never repainted", name);
                }
            }
            line("   per part, step request -> the last repaint that changed what it shows (its rows' texts and");
            line("   selection; n = steps in which what it shows changed):");
            for (Map.Entry<String, List<Double>> p : changedPart.entrySet()) {
                line("   %-34s %s", p.getKey(), stats(p.getValue()));
            }
            for (int t = 0; t < timelines.size(); t++) {
                line("   timeline of measured step %d (ms after the step request):", t + 1);
                timelines.get(t).forEach(l -> line("     %s", l));
            }
        } finally {
            display.removeFilter(SWT.Paint, paints);
            target.terminate();
            Workbench.waitUntil("termination", LOOSE, target::isTerminated);
        }
    }

    /**
     * Pumps the UI until the suspend after {@code suspends} came, no job of the step runs and nothing has
     * been repainted for {@link #QUIET_NANOS}; returns the time of the last activity seen (a repaint, or a
     * job seen busy).
     */
    private long settle(GuestDebugTarget target, GuestThread thread, long suspends) throws InterruptedException {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            // Events count through what they do: repaints (the filter) and jobs. The views' own timers
            // (Trap History 4 Hz, VMM 2 Hz) fire whether a step happened or not.
            if (display.readAndDispatch()) {
                continue;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new AssertionError("no idle workbench within 30 s; jobs: " + busyJobs());
            }
            boolean suspended = target.suspendCount() > suspends && thread.isSuspended();
            if (!suspended || !busyJobs().isEmpty()) {
                if (suspended) {
                    lastActivity = now;
                }
                Thread.sleep(1);
                continue;
            }
            if (now - lastActivity >= QUIET_NANOS) {
                return lastActivity;
            }
            Thread.sleep(1);
        }
    }

    /**
     * The jobs running or waiting now, but not those that serve the session rather than the step: the
     * console's input reader (it polls the console's keyboard for the whole launch) and any job that has
     * been running for more than 5 s.
     */
    private List<String> busyJobs() {
        List<String> busy = new ArrayList<>();
        long now = System.nanoTime();
        java.util.Set<Job> seen = new java.util.HashSet<>();
        for (Job j : Job.getJobManager().find(null)) {
            if ((j.getState() == Job.RUNNING || j.getState() == Job.WAITING)
                    && !j.getName().equals("Process Console Input Job")) {
                seen.add(j);
                long since = busySince.computeIfAbsent(j, k -> now);
                if (now - since < Duration.ofSeconds(5).toNanos()) {
                    busy.add(j.getName());
                }
            }
        }
        busySince.keySet().retainAll(seen);
        return busy;
    }

    /** The view (or editor) a widget belongs to, by the workbench model's part that owns its composite. */
    private String partOf(Widget w) {
        String known = partOfWidget.get(w);
        if (known != null || !(w instanceof Control c)) {
            return known;
        }
        for (Control at = c; at != null; at = at.getParent()) {
            if (at.getData("modelElement") instanceof MPart part) {
                String name = part.getElementId().equals("org.eclipse.e4.ui.compatibility.editor") ? "source editor"
                        : name(part.getElementId());
                partOfWidget.put(w, name);
                return name;
            }
        }
        return null;
    }

    private static String name(String viewId) {
        return switch (viewId) {
            case IDebugUIConstants.ID_DEBUG_VIEW -> "Debug";
            case IDebugUIConstants.ID_REGISTER_VIEW -> "Registers";
            case IDebugUIConstants.ID_VARIABLE_VIEW -> "Variables";
            case IDebugUIConstants.ID_BREAKPOINT_VIEW -> "Breakpoints";
            case IDebugUIConstants.ID_MEMORY_VIEW -> "Memory";
            case dev.guestbench.debug.ui.views.TrapHistoryView.ID -> "Trap History";
            case dev.guestbench.debug.ui.views.PageTablesView.ID -> "Shadow Page Tables";
            case dev.guestbench.debug.ui.views.VmmView.ID -> "VMM";
            case dev.guestbench.debug.ui.views.DisassemblyView.ID -> "Disassembly";
            default -> viewId;
        };
    }

    /** Opens the Registers view's General group (pc, x0 to x31), as a user stepping through a kernel has it. */
    private void expandGeneralRegisters(IWorkbenchPage page) {
        IViewPart registers = page.findView(IDebugUIConstants.ID_REGISTER_VIEW);
        Control control = ((org.eclipse.debug.ui.IDebugView) registers).getViewer().getControl();
        Workbench.waitUntil("the Registers view's groups", LOOSE,
                () -> control instanceof org.eclipse.swt.widgets.Tree t && t.getItemCount() == 4
                        && t.getItem(0).getText().equals("General"));
        org.eclipse.swt.widgets.Tree tree = (org.eclipse.swt.widgets.Tree) control;
        org.eclipse.swt.widgets.TreeItem general = tree.getItem(0);
        dev.guestbench.debug.ui.tests.Trees.expand(general);
        Workbench.waitUntil("the general registers", LOOSE,
                () -> general.getItemCount() > 1 && general.getItem(1).getText().startsWith("x0"));
        line("(the Registers view shows the General group open: pc and x0 to x31)");
    }

    /** A memory monitor at the pc with the platform's raw hex rendering, as "Add Memory Monitor" makes. */
    private void addMemoryRendering(IWorkbenchPage page, GuestDebugTarget target) throws Exception {
        IViewPart view = page.showView(IDebugUIConstants.ID_MEMORY_VIEW);
        IMemoryBlock block = target.getMemoryBlock(target.debugger().pc(0) & ~0xffL, 512);
        DebugPlugin.getDefault().getMemoryBlockManager().addMemoryBlocks(new IMemoryBlock[] {block});
        IMemoryRenderingType type = DebugUITools.getMemoryRenderingManager()
                .getRenderingType("org.eclipse.debug.ui.rendering.raw_memory");
        if (view instanceof IMemoryRenderingSite site && type != null && site.getMemoryRenderingContainers().length > 0) {
            IMemoryRenderingContainer container = site.getMemoryRenderingContainers()[0];
            IMemoryRendering rendering = type.createRendering();
            rendering.init(container, block);
            container.addMemoryRendering(rendering);
            line("(the Memory view shows a raw rendering of 512 bytes at 0x%x)", block.getStartAddress());
        } else {
            line("(the Memory view has no rendering: %s)", view.getClass().getName());
        }
    }

    // ---- 2. a million records scrolled ---------------------------------------------------------------

    private void scrollMillion() throws Exception {
        NewGuestKernelWizard wizard = new NewGuestKernelWizard();
        wizard.create("benchmillion", null);
        IFile kernel = create(wizard, "ecalls.S", ECALLS);
        ILaunch launch = launch(GuestLaunchConfigurations.create(kernel));
        Workbench.waitUntil("a debug target", LOOSE, () -> launch.getDebugTarget() != null);
        GuestDebugTarget target = (GuestDebugTarget) launch.getDebugTarget();
        var history = target.debugger().trapHistory();
        Workbench.waitUntil("1,100,000 exits", LOOSE, () -> history.total() >= 1_100_000);
        target.suspend();
        Workbench.waitUntil("the suspend", LOOSE, target::isSuspended);
        IWorkbenchPage page = Workbench.page();
        TrapHistoryView view = (TrapHistoryView) page.showView(TrapHistoryView.ID);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        try {
            view.refresh();
            Table table = view.table();
            Workbench.settle();
            AtomicLong filled = new AtomicLong();
            long[] lowest = {Long.MAX_VALUE};
            Listener counter = e -> {
                filled.incrementAndGet();
                lowest[0] = Math.min(lowest[0], e.index);
            };
            table.addListener(SWT.SetData, counter);
            int rows = table.getItemCount();
            int visible = Math.max(1, table.getClientArea().height / table.getItemHeight());
            long[] nanos = new long[SCROLL_PAGES];
            int unpainted = 0;
            for (int p = 0; p < SCROLL_PAGES; p++) {
                int top = (int) ((long) (rows - visible) * p / (SCROLL_PAGES - 1));
                lowest[0] = Long.MAX_VALUE;
                long t0 = System.nanoTime();
                table.setTopIndex(top);
                // Asks for the page's rows as a repaint does (under Xvfb GTK does not repaint a table on its own
                // reliably enough to time): each row not yet filled calls the view's SetData.
                for (int r = top; r < top + visible && r < rows; r++) {
                    table.getItem(r).getText(0);
                }
                if (lowest[0] != top) {
                    unpainted++;
                }
                nanos[p] = System.nanoTime() - t0;
            }
            String last = table.getItem(rows - 1).getText(0);
            table.removeListener(SWT.SetData, counter);
            List<Double> ms = new ArrayList<>();
            for (long n : nanos) {
                ms.add(n / 1e6);
            }
            line("");
            line("2. Trap History with %,d records held (%,d exits in all), %d rows on screen, %d pages from the top"
                    + " to the bottom (the last row: seq %s):", rows, history.total(), visible, SCROLL_PAGES, last);
            line("   %-34s %s", "time per page (scroll, rows filled)", stats(ms));
            line("   %-34s %d", "pages whose top row was not filled", unpainted);
            line("   %-34s %,d (%.1f per page; %,d held)", "rows ever filled", filled.get(),
                    filled.get() / (double) SCROLL_PAGES, rows);
            assertTrue(filled.get() < 4L * SCROLL_PAGES * visible, "the table is virtual: " + filled.get() + " rows filled");
        } finally {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
            target.terminate();
            Workbench.waitUntil("termination", LOOSE, target::isTerminated);
        }
    }

    // ---- 3. terminating a runaway guest ---------------------------------------------------------------

    private void terminations() throws Exception {
        NewGuestKernelWizard wizard = new NewGuestKernelWizard();
        wizard.create("benchspin", null);
        IFile kernel = create(wizard, "spin.S", SPIN);
        ILaunchConfiguration config = GuestLaunchConfigurations.create(kernel);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < TERMINATIONS; i++) {
            ILaunch launch = launch(config);
            Workbench.waitUntil("a debug target", LOOSE, () -> launch.getDebugTarget() != null);
            GuestDebugTarget target = (GuestDebugTarget) launch.getDebugTarget();
            long settled = System.nanoTime() + Duration.ofMillis(500).toNanos();
            Workbench.waitUntil("the guest to run 0.5 s", LOOSE, () -> System.nanoTime() > settled);
            assertTrue(!target.isSuspended() && !target.isTerminated());
            AtomicLong ended = new AtomicLong();
            IDebugEventSetListener l = events -> {
                for (DebugEvent e : events) {
                    if (e.getKind() == DebugEvent.TERMINATE && e.getSource() == target) {
                        ended.compareAndSet(0, System.nanoTime());
                    }
                }
            };
            DebugPlugin.getDefault().addDebugEventListener(l);
            long t0 = System.nanoTime();
            target.terminate();
            Workbench.waitUntil("the TERMINATE event", LOOSE, () -> ended.get() != 0);
            DebugPlugin.getDefault().removeDebugEventListener(l);
            ms.add((ended.get() - t0) / 1e6);
            Workbench.waitUntil("the launch to end", LOOSE, launch::isTerminated);
        }
        line("");
        line("3. Terminate of a guest looping forever (in debug mode, running): request -> the target's TERMINATE event");
        line("   %-34s %s", TERMINATIONS + " launches", stats(ms));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static IFile create(NewGuestKernelWizard wizard, String name, String source) throws CoreException {
        IFile file = wizard.project().getFile(name);
        file.create(new ByteArrayInputStream(source.getBytes(StandardCharsets.US_ASCII)), true, null);
        return file;
    }

    private static ILaunch launch(ILaunchConfiguration config) {
        return Launches.launch(config, ILaunchManager.DEBUG_MODE, LOOSE);
    }

    /** "min / median / max" in ms with the count. */
    private static String stats(List<Double> values) {
        if (values.isEmpty()) {
            return "no samples";
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format(Locale.ROOT, "min %7.1f  median %7.1f  max %7.1f ms  (n = %d)", v[0], median,
                v[v.length - 1], v.length);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
