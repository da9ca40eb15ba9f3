package dev.guestbench.debug.ui.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.part.ViewPart;

import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.ui.GuestContext;
import dev.guestbench.vmm.Vm;
import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.boot.ResetRom;
import dev.guestbench.vmm.debug.VmDebugger;
import dev.guestbench.vmm.device.Aclint;
import dev.guestbench.vmm.device.Bus;
import dev.guestbench.vmm.device.DeviceRegister;
import dev.guestbench.vmm.device.Inspectable;
import dev.guestbench.vmm.device.Plic;
import dev.guestbench.vmm.device.TestFinisher;
import dev.guestbench.vmm.device.Uart16550;
import dev.guestbench.vmm.exit.Disposition;
import dev.guestbench.vmm.exit.ExitReason;
import dev.guestbench.vmm.exit.TrapHistory;
import dev.guestbench.vmm.memory.PagingCounters;
import dev.guestbench.vmm.memory.PagingMode;

/**
 * The hypervisor's view of the VM: its vCPUs (state, privilege, pc, instructions retired, MIPS), exits per
 * reason and disposition, and memory (guest frames in use, decoded code pages, TLB hit rate, shadow or
 * G-stage pages), and the devices on its bus with their registers, read without side effects. Refreshed
 * twice a second and at every suspend; the tree's shape is made once per VM so expansion survives refreshes,
 * and a device's registers are read only while its row is expanded.
 */
public final class VmmView extends ViewPart {

    /** The view's id. */
    public static final String ID = "dev.guestbench.debug.ui.vmm";

    private static final int REFRESH_MILLIS = 500;

    private Tree tree;
    private GuestDebugTarget target;
    private TreeItem vmItem;
    private TreeItem[] cpuItems;
    private TreeItem[] exitItems;
    private TreeItem[] dispositionItems;
    private TreeItem framesItem;
    private TreeItem decodedItem;
    private TreeItem tlbItem;
    private TreeItem pagingItem;
    private List<Bus.Attachment> devices;
    private TreeItem[] deviceItems;
    private long[] lastRetired;
    private long lastNanos;
    private double[] mips;
    private ViewRefresher refresher;

    @Override
    public void createPartControl(Composite parent) {
        tree = new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        String[] names = {"What", "Value"};
        int[] widths = {260, 520};
        for (int i = 0; i < names.length; i++) {
            TreeColumn c = new TreeColumn(tree, SWT.LEFT);
            c.setText(names[i]);
            c.setWidth(widths[i]);
        }
        tree.addListener(SWT.Expand, e -> {
            if (e.item instanceof TreeItem item && item.getData() instanceof Bus.Attachment a) {
                showRegisters(item, a);
            }
        });
        refresher = ViewRefresher.start(tree, REFRESH_MILLIS, this::refresh);
        refresh();
    }

    /** Shows the current VM's state as it is now. */
    public void refresh() {
        GuestDebugTarget now = GuestContext.target();
        if (now != target) {
            target = now;
            build();
        }
        if (target == null) {
            return;
        }
        update();
    }

    private void build() {
        tree.removeAll();
        if (target == null) {
            new TreeItem(tree, SWT.NONE).setText("No guest VM");
            return;
        }
        VmDebugger d = target.debugger();
        vmItem = new TreeItem(tree, SWT.NONE);
        TreeItem cpus = new TreeItem(vmItem, SWT.NONE);
        cpus.setText("vCPUs");
        cpuItems = new TreeItem[d.harts()];
        for (int h = 0; h < cpuItems.length; h++) {
            cpuItems[h] = new TreeItem(cpus, SWT.NONE);
        }
        TreeItem exits = new TreeItem(vmItem, SWT.NONE);
        exits.setText("Exits per reason");
        exitItems = new TreeItem[ExitReason.values().length];
        for (ExitReason r : ExitReason.values()) {
            exitItems[r.ordinal()] = new TreeItem(exits, SWT.NONE);
            exitItems[r.ordinal()].setText(0, r.label());
        }
        TreeItem dispositions = new TreeItem(vmItem, SWT.NONE);
        dispositions.setText("Exits per disposition");
        dispositionItems = new TreeItem[Disposition.values().length];
        for (Disposition r : Disposition.values()) {
            dispositionItems[r.ordinal()] = new TreeItem(dispositions, SWT.NONE);
            dispositionItems[r.ordinal()].setText(0, r.label());
        }
        TreeItem memory = new TreeItem(vmItem, SWT.NONE);
        memory.setText("Memory");
        framesItem = new TreeItem(memory, SWT.NONE);
        framesItem.setText(0, "guest frames in use");
        decodedItem = new TreeItem(memory, SWT.NONE);
        decodedItem.setText(0, "code pages decoded / invalidated");
        tlbItem = new TreeItem(memory, SWT.NONE);
        tlbItem.setText(0, "TLB hit rate (all vCPUs)");
        pagingItem = new TreeItem(memory, SWT.NONE);
        pagingItem.setText(0, "paging");
        TreeItem devicesItem = new TreeItem(vmItem, SWT.NONE);
        devicesItem.setText("Devices");
        devices = d.devices();
        deviceItems = new TreeItem[devices.size()];
        TreeItem uart = null;
        for (int i = 0; i < deviceItems.length; i++) {
            Bus.Attachment a = devices.get(i);
            TreeItem item = new TreeItem(devicesItem, SWT.NONE);
            item.setData(a);
            item.setText(new String[] {String.format(Locale.ROOT, "%s @ 0x%x", a.device().name(), a.base()),
                String.format(Locale.ROOT, "%s, 0x%x bytes", kind(a), a.size())});
            if (a.device() instanceof Inspectable) {
                new TreeItem(item, SWT.NONE); // a placeholder until expanded
            }
            if (a.device() instanceof Uart16550 && uart == null) {
                uart = item;
            }
            deviceItems[i] = item;
        }
        devicesItem.setExpanded(true);
        if (uart != null) {
            showRegisters(uart, (Bus.Attachment) uart.getData());
            uart.setExpanded(true);
        }
        lastRetired = new long[d.harts()];
        mips = new double[d.harts()];
        lastNanos = System.nanoTime();
        vmItem.setExpanded(true);
        cpus.setExpanded(true);
        exits.setExpanded(true);
        memory.setExpanded(true);
    }

    private void update() {
        VmDebugger d = target.debugger();
        Vm vm = d.vm();
        setText(vmItem, 0, "VM " + target.kernel().name());
        setText(vmItem, 1, d.state().name().toLowerCase(Locale.ROOT)
                + (d.isTerminated() ? " (" + d.ending().name().toLowerCase(Locale.ROOT) + ")" : ""));
        long nanos = System.nanoTime();
        double seconds = (nanos - lastNanos) / 1e9;
        lastNanos = nanos;
        java.util.List<Vcpu> cpus = vm.vcpus();
        for (int h = 0; h < cpuItems.length; h++) {
            HartState s = cpus.get(h).state;
            long retired = s.retired;
            if (seconds > 0) {
                mips[h] = (retired - lastRetired[h]) / seconds / 1e6;
            }
            lastRetired[h] = retired;
            String state = d.isTerminated() ? "terminated" : d.isSuspended(h) ? "suspended"
                    : !s.running ? "stopped" : s.waitingForInterrupt ? "waiting (WFI)" : "running";
            setText(cpuItems[h], 0, "vCPU " + h);
            setText(cpuItems[h], 1, String.format(Locale.ROOT,
                    "%s, %s-mode, pc 0x%x, %,d instructions retired, %.1f MIPS", state,
                    s.priv == HartState.PRIV_M ? "M" : s.priv == HartState.PRIV_S ? "S" : "U", s.pc, retired, mips[h]));
        }
        TrapHistory history = d.trapHistory();
        for (ExitReason r : ExitReason.values()) {
            setText(exitItems[r.ordinal()], 1, String.format(Locale.ROOT, "%,d", history.count(r)));
        }
        for (Disposition r : Disposition.values()) {
            setText(dispositionItems[r.ordinal()], 1, String.format(Locale.ROOT, "%,d", history.count(r)));
        }
        setText(framesItem, 1, String.format(Locale.ROOT, "%,d of %,d (4 KiB each)", vm.ram().pagesInUse(),
                vm.ram().size() >>> 12));
        setText(decodedItem, 1, String.format(Locale.ROOT, "%,d / %,d", vm.decodeCache().decodedPages(),
                vm.decodeCache().invalidations()));
        PagingCounters.Snapshot paging = vm.paging().counters();
        setText(tlbItem, 1, String.format(Locale.ROOT, "%.2f %% of %,d lookups", paging.tlbHitRate() * 100,
                paging.tlbHits() + paging.tlbMisses()));
        setText(pagingItem, 1, paging.mode() == PagingMode.SHADOW
                ? String.format(Locale.ROOT, "shadow: %,d shadow pages, %,d shadow faults, %,d page-table write traps",
                        paging.shadowPages(), paging.shadowFaults(), paging.ptWriteTraps())
                : String.format(Locale.ROOT, "nested: %,d G-stage pages, %,d G-stage faults, %.1f references per walk",
                        paging.gstagePages(), paging.gstageFaults(), paging.referencesPerWalk()));
        for (TreeItem item : deviceItems) {
            if (item.getExpanded()) {
                showRegisters(item, (Bus.Attachment) item.getData());
            }
        }
    }

    private static String kind(Bus.Attachment a) {
        return switch (a.device()) {
            case Uart16550 u -> "ns16550a UART";
            case Plic p -> "PLIC";
            case Aclint c -> "CLINT (ACLINT MSWI and MTIMER)";
            case TestFinisher t -> "SiFive test finisher";
            case ResetRom r -> "mask ROM";
            default -> a.device().getClass().getSimpleName();
        };
    }

    /** Puts the device's registers under its row, grouped as the device groups them; reuses the rows it can. */
    private static void showRegisters(TreeItem item, Bus.Attachment a) {
        if (!(a.device() instanceof Inspectable device)) {
            return;
        }
        List<DeviceRegister> top = new ArrayList<>();
        Map<String, List<DeviceRegister>> groups = new LinkedHashMap<>();
        for (DeviceRegister r : device.registers()) {
            if (r.group().isEmpty()) {
                top.add(r);
            } else {
                groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
            }
        }
        int i = fillRegisters(item, 0, top);
        for (Map.Entry<String, List<DeviceRegister>> g : groups.entrySet()) {
            TreeItem groupItem = child(item, i++, "group " + g.getKey());
            setText(groupItem, 0, g.getKey());
            fillRegisters(groupItem, 0, g.getValue());
            truncate(groupItem, g.getValue().size());
        }
        truncate(item, i);
    }

    private static int fillRegisters(TreeItem parent, int from, List<DeviceRegister> registers) {
        int i = from;
        for (DeviceRegister r : registers) {
            TreeItem row = child(parent, i++, r.name());
            setText(row, 0, r.offset() == DeviceRegister.INTERNAL ? r.name()
                    : String.format(Locale.ROOT, "%s  +0x%x", r.name(), r.offset()));
            setText(row, 1, r.meaning().isEmpty() ? r.hexValue() : r.hexValue() + "  " + r.meaning());
        }
        return i;
    }

    /** The child at {@code index} if it shows {@code key}; otherwise the children from there on are remade. */
    private static TreeItem child(TreeItem parent, int index, String key) {
        if (index < parent.getItemCount()) {
            TreeItem c = parent.getItem(index);
            if (key.equals(c.getData())) {
                return c;
            }
            truncate(parent, index);
        }
        TreeItem c = new TreeItem(parent, SWT.NONE);
        c.setData(key);
        return c;
    }

    private static void truncate(TreeItem parent, int count) {
        for (int k = parent.getItemCount() - 1; k >= count; k--) {
            parent.getItem(k).dispose();
        }
    }

    private static void setText(TreeItem item, int column, String text) {
        if (!text.equals(item.getText(column))) {
            item.setText(column, text);
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
        if (refresher != null) {
            refresher.stop();
        }
        super.dispose();
    }
}
