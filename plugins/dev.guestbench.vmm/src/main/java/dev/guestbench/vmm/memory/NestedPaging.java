package dev.guestbench.vmm.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nested paging: the hypervisor owns a second-stage table (the RISC-V G-stage format, Sv39x4 or Sv48x4 as
 * guest RAM needs, in host frames) that maps guest-physical pages to host frames, filled page by page on
 * first touch. A TLB miss walks in two dimensions: every guest PTE read, and the final guest-physical
 * address, goes through the G-stage table, and every reference is counted (15 for Sv39 over Sv39x4).
 * The guest's own page tables are not watched, except while someone listens for mapping events.
 */
public final class NestedPaging extends PagingEngine {

    /** A G-stage table page (the root has 2048 entries in four host frames). */
    private static final class Table {
        final int[] frameNumbers;
        final byte[][] entries;
        final Table[] children;

        Table(int[] frameNumbers, byte[][] entries, boolean leaves) {
            this.frameNumbers = frameNumbers;
            this.entries = entries;
            this.children = leaves ? null : new Table[entries.length * Pte.ENTRIES];
        }
    }

    /** A guest table page watched for events: where it sits in which address space. */
    private record Watch(int asid, int level, long base, int levels) {
    }

    private final int levels;
    private final Table root;
    private final PageWalk.PteMemory throughGstage = this::gstageFrame;
    private final Map<Long, List<Watch>> watched = new HashMap<>();
    private MmuContext walking;
    private int frames;

    NestedPaging(GuestPhysicalMap ram, HostMemory host) {
        super(ram, host);
        // Sv39x4 translates 41-bit guest-physical addresses, Sv48x4 50-bit ones.
        this.levels = ram.base() + ram.size() <= (1L << 41) ? 3 : 4;
        this.root = newTable(4, false);
    }

    @Override
    public PagingMode mode() {
        return PagingMode.NESTED;
    }

    /** G-stage levels: 3 (Sv39x4) or 4 (Sv48x4). */
    public int gstageLevels() {
        return levels;
    }

    @Override
    byte[] physicalFrame(MmuContext hart, long gpa) {
        counters.walks++;
        walking = hart;
        return gstageFrame(gpa);
    }

    /** Guest-physical to host through the G-stage table, mapping a RAM page on its first touch. */
    private byte[] gstageFrame(long gpa) {
        counters.walkReferences += levels;
        Table t = root;
        for (int level = levels - 1; level > 0; level--) {
            Table child = t.children[index(gpa, level)];
            if (child == null) {
                return gstageMiss(gpa);
            }
            t = child;
        }
        int i = index(gpa, 0);
        long pte = Mmu.read(t.entries[0], i * 8, 8);
        if ((pte & Pte.V) == 0) {
            return gstageMiss(gpa);
        }
        return host.frame((int) Pte.ppn(pte));
    }

    /** A G-stage fault: RAM gets its page mapped; anything else is a device (the VMM emulates it: null). */
    private byte[] gstageMiss(long gpa) {
        byte[] frame = ram.page(gpa);
        if (frame == null) {
            return null;
        }
        counters.gstageFaults++;
        if (walking != null) {
            walking.pagingExit(PagingExit.GSTAGE_FAULT, gpa, gpa);
        }
        Table t = root;
        for (int level = levels - 1; level > 0; level--) {
            int i = index(gpa, level);
            Table child = t.children[i];
            if (child == null) {
                child = newTable(1, level - 1 == 0);
                t.children[i] = child;
                write(t, i, Pte.make(child.frameNumbers[0], Pte.V));
            }
            t = child;
        }
        // G-stage leaves carry U: the guest's accesses count as user accesses to the second stage.
        write(t, index(gpa, 0), Pte.make(ram.frameNumber(gpa), Pte.V | Pte.R | Pte.W | Pte.X | Pte.U | Pte.A | Pte.D));
        return frame;
    }

    @Override
    int translate(MmuContext hart, PageWalk walk, Pmp pmp, long va, int access, int priv, long satp, long mstatus,
            Result out) {
        counters.walks++;
        walking = hart;
        int outcome = walk.walk(va, access, priv, satp, mstatus, pmp, throughGstage, true);
        counters.walkReferences += walk.references;
        if (listening()) {
            watchWalk(walk, va, Satp.asid(satp));
        }
        if (outcome != PageWalk.OK) {
            return outcome;
        }
        out.gpa = walk.gpa;
        out.frame = gstageFrame(walk.gpa);
        out.flags = walk.pte & 0xff;
        out.level = walk.level;
        return PageWalk.OK;
    }

    /**
     * The references a two-dimensional walk of {@code va} under {@code satp} makes, in order, without changing
     * anything (no A/D update, no G-stage fill, no counters): for the debugger's view of the nested walk.
     */
    public java.util.List<WalkStep> trace(long satp, long va) {
        java.util.List<WalkStep> steps = new ArrayList<>();
        int mode = Satp.mode(satp);
        if (mode == Satp.MODE_BARE) {
            traceGstage(steps, -1, va);
            return steps;
        }
        int n = Satp.levels(mode);
        if (!PageWalk.canonical(va, n)) {
            return steps;
        }
        long table = Satp.rootPpn(satp) << 12;
        for (int level = n - 1; level >= 0; level--) {
            long address = table + ((va >>> (12 + 9 * level)) & 0x1ff) * 8;
            byte[] frame = traceGstage(steps, level, address);
            long pte = frame == null ? 0 : Mmu.read(frame, (int) address & 0xfff, 8);
            steps.add(new WalkStep(level, false, level, address, pte));
            if ((pte & Pte.V) == 0 || frame == null) {
                return steps;
            }
            if (Pte.isLeaf(pte)) {
                long mask = Pte.levelSize(level) - 1;
                traceGstage(steps, -1, ((Pte.ppn(pte) << 12) & ~mask) | (va & mask));
                return steps;
            }
            table = Pte.ppn(pte) << 12;
        }
        return steps;
    }

    /** Adds the G-stage references for {@code gpa}; returns the host frame, or null where the table has none. */
    private byte[] traceGstage(java.util.List<WalkStep> steps, int guestLevel, long gpa) {
        Table t = root;
        for (int level = levels - 1; level >= 0; level--) {
            int i = index(gpa, level);
            byte[] page = t.entries[i >>> 9];
            long address = ((long) t.frameNumbers[i >>> 9] << 12) + (i & 0x1ff) * 8L;
            long pte = Mmu.read(page, (i & 0x1ff) * 8, 8);
            steps.add(new WalkStep(guestLevel, true, level, address, pte));
            if ((pte & Pte.V) == 0) {
                return null;
            }
            if (level == 0) {
                return host.frame((int) Pte.ppn(pte));
            }
            t = t.children[i];
        }
        return null;
    }

    @Override
    void pageTableWritten(MmuContext hart, long pteAddress, long oldPte, long newPte) {
        counters.ptWriteTraps++;
        if (hart != null) {
            hart.pagingExit(PagingExit.PT_WRITE, pteAddress, newPte);
        }
        List<Watch> list = watched.get(pteAddress & ~0xfffL);
        if (list == null || oldPte == newPte || !listening()) {
            return;
        }
        int index = (int) (pteAddress & 0xfff) >>> 3;
        for (Watch w : list.toArray(new Watch[0])) {
            fireGuestChange(hart, w.asid, entryVa(w.base, index, w.level, w.levels), w.level, pteAddress, oldPte,
                    newPte);
        }
    }

    /** Watches the guest tables the walk read (only while someone listens). */
    private void watchWalk(PageWalk walk, long va, int asid) {
        for (int level = walk.levels - 1; level >= 0; level--) {
            if (walk.tables[level] == 0 && level < walk.levels - 1) {
                break;
            }
            watch(walk.tables[level], new Watch(asid, level, tableBase(va, level, walk.levels), walk.levels));
            if (level == walk.level) {
                break;
            }
        }
    }

    private void watch(long table, Watch w) {
        long page = table & ~0xfffL;
        if (!ram.isRam(page, 4096)) {
            return;
        }
        List<Watch> list = watched.get(page);
        if (list == null) {
            list = new ArrayList<>(2);
            watched.put(page, list);
            protect(page);
        }
        if (!list.contains(w)) {
            list.add(w);
        }
    }

    @Override
    void listenersChanged() {
        if (listening()) {
            // Watch every table the harts' current address spaces use now; walks add the ones they meet later.
            for (MmuContext hart : harts()) {
                long satp = hart.satp();
                if (Satp.mode(satp) != Satp.MODE_BARE) {
                    int n = Satp.levels(Satp.mode(satp));
                    watch(Satp.rootPpn(satp) << 12, new Watch(Satp.asid(satp), n - 1, 0, n));
                    watchTree(guestTree(satp), Satp.asid(satp), n);
                }
            }
        } else {
            for (long page : watched.keySet()) {
                unprotect(page);
            }
            watched.clear();
        }
    }

    private void watchTree(List<PageTableNode> nodes, int asid, int n) {
        for (PageTableNode node : nodes) {
            if (!node.children().isEmpty() || (!node.isLeaf() && node.level() > 0)) {
                watch(node.target(), new Watch(asid, node.level() - 1, node.gva(), n));
                watchTree(node.children(), asid, n);
            }
        }
    }

    @Override
    void fenceAddress(long va, int asid) {
        // The hardware walks the guest's table itself: nothing of the VMM's derives from it.
    }

    @Override
    void pmpChanged() {
        // The G-stage table does not depend on PMP, which is checked on every access and walk.
    }

    @Override
    long gstagePages() {
        return frames;
    }

    @Override
    public PageTableSnapshot snapshot(long satp, long mstatus) {
        return new PageTableSnapshot(mode(), satp, guestTree(satp), List.of(), frames, counters());
    }

    private Table newTable(int pages, boolean leaves) {
        int[] numbers = new int[pages];
        byte[][] entries = new byte[pages][];
        for (int p = 0; p < pages; p++) {
            numbers[p] = host.allocate();
            entries[p] = host.frame(numbers[p]);
            frames++;
        }
        return new Table(numbers, entries, leaves);
    }

    private static void write(Table t, int i, long pte) {
        Mmu.write(t.entries[i >>> 9], (i & 0x1ff) * 8, 8, pte);
    }

    private int index(long gpa, int level) {
        // The root level translates two more bits (x4): 2048 entries.
        int bits = level == levels - 1 ? 11 : 9;
        return (int) (gpa >>> (12 + 9 * level)) & ((1 << bits) - 1);
    }

    @Override
    public void release() {
        releaseTable(root);
        watched.clear();
    }

    private void releaseTable(Table t) {
        if (t.children != null) {
            for (Table c : t.children) {
                if (c != null) {
                    releaseTable(c);
                }
            }
        }
        for (int n : t.frameNumbers) {
            host.release(n);
        }
    }
}
