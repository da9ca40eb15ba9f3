package dev.guestbench.vmm.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One VM's memory virtualization: how a TLB miss becomes a host frame. The two techniques ({@link
 * ShadowPaging}, {@link NestedPaging}) share the guest-visible definition ({@link PageWalk}), the TLBs in
 * front of them and this bookkeeping: write-protection of guest page-table pages, counters and listeners.
 */
public abstract sealed class PagingEngine permits ShadowPaging, NestedPaging {

    /** The translation an engine hands back to the MMU. */
    static final class Result {
        long gpa;
        byte[] frame;
        long flags;
        int level;
    }

    protected final GuestPhysicalMap ram;
    protected final HostMemory host;
    protected final PagingCounters counters = new PagingCounters();
    private final List<Mmu> mmus = new ArrayList<>();
    private final List<PagingListener> listeners = new CopyOnWriteArrayList<>();
    /** Per RAM page: how many shadow or watch structures protect it (a store to it must tell us). */
    private final int[] protection;

    PagingEngine(GuestPhysicalMap ram, HostMemory host) {
        this.ram = ram;
        this.host = host;
        this.protection = new int[(int) (ram.size() >>> 12)];
    }

    /** The engine for {@code mode}. */
    public static PagingEngine create(PagingMode mode, GuestPhysicalMap ram, HostMemory host) {
        return mode == PagingMode.SHADOW ? new ShadowPaging(ram, host) : new NestedPaging(ram, host);
    }

    /** Which technique this is. */
    public abstract PagingMode mode();

    /** Registers a hart's MMU (its write TLB must hear when a page becomes protected). */
    void attach(Mmu mmu) {
        mmus.add(mmu);
    }

    /** The harts whose MMUs use this engine. */
    final List<MmuContext> harts() {
        List<MmuContext> list = new ArrayList<>();
        for (Mmu mmu : mmus) {
            if (mmu.context() != null) {
                list.add(mmu.context());
            }
        }
        return list;
    }

    /**
     * Translates {@code va} under {@code satp} (Sv39/Sv48) after a TLB miss. On success fills {@code out} and
     * returns {@link PageWalk#OK}; else returns the walk's fault outcome with the cause in {@code walk}.
     */
    abstract int translate(MmuContext hart, PageWalk walk, Pmp pmp, long va, int access, int priv, long satp,
            long mstatus, Result out);

    /** The host frame behind guest-physical page {@code gpa} for an untranslated access, or null (not RAM). */
    abstract byte[] physicalFrame(MmuContext hart, long gpa);

    /** The guest wrote PTE memory at {@code pteAddress} (in a protected page): keep shadows and watchers right. */
    abstract void pageTableWritten(MmuContext hart, long pteAddress, long oldPte, long newPte);

    /** SFENCE.VMA for one address ({@code asid} -1: every address space): a chance to resync what it maps. */
    abstract void fenceAddress(long va, int asid);

    /** PMP changed: what was derived under the old PMP (walks checked by it) must go. */
    abstract void pmpChanged();

    /** The guest's tables as the engine sees them now, for the page-table view and --dump-pt. */
    public abstract PageTableSnapshot snapshot(long satp, long mstatus);

    /** Counts a TLB flush (SFENCE.VMA, a satp write, a remote fence). */
    void countFlush() {
        counters.flushes++;
    }

    /** Whether a store to guest-physical {@code gpa} must be reported through {@link #pageTableWritten}. */
    final boolean writeProtected(long gpa) {
        long index = (gpa - ram.base()) >>> 12;
        return index >= 0 && index < protection.length && protection[(int) index] != 0;
    }

    /** Protects one more use of the page of {@code gpa}; the first one sends its stores to the slow path. */
    final void protect(long gpa) {
        int index = (int) ((gpa - ram.base()) >>> 12);
        if (protection[index]++ == 0) {
            for (Mmu mmu : mmus) {
                mmu.flushWrites();
            }
        }
    }

    /** Drops one use of the page's protection. */
    final void unprotect(long gpa) {
        int index = (int) ((gpa - ram.base()) >>> 12);
        if (protection[index] > 0) {
            protection[index]--;
        }
    }

    /** Number of RAM pages protected now. */
    final int protectedPages() {
        int n = 0;
        for (int p : protection) {
            if (p != 0) {
                n++;
            }
        }
        return n;
    }

    /** Adds a listener; in nested mode this starts write-watching the guest's page tables. */
    public void addListener(PagingListener listener) {
        listeners.add(listener);
        listenersChanged();
    }

    /** Removes a listener; the last one gone, nested mode stops watching. */
    public void removeListener(PagingListener listener) {
        listeners.remove(listener);
        listenersChanged();
    }

    /** Called when listeners come or go. */
    void listenersChanged() {
    }

    /** Whether anyone listens (events are built only then). */
    final boolean listening() {
        return !listeners.isEmpty();
    }

    final void fire(MappingEvent event) {
        for (PagingListener l : listeners) {
            l.mappingChanged(event);
        }
    }

    /** Fires the guest-side event for a PTE that changed from {@code oldPte} to {@code newPte}. */
    final void fireGuestChange(MmuContext hart, int asid, long gva, int level, long pteAddress, long oldPte,
            long newPte) {
        boolean was = (oldPte & Pte.V) != 0;
        boolean is = (newPte & Pte.V) != 0;
        if (!was && !is) {
            return;
        }
        MappingEvent.Kind kind = !was ? MappingEvent.Kind.CREATED : !is ? MappingEvent.Kind.REMOVED
                : MappingEvent.Kind.CHANGED;
        fire(new MappingEvent(kind, hart.hartId(), asid, gva, Pte.levelSize(level), pteAddress, oldPte, newPte));
    }

    /** The counters now, with the TLBs of every hart summed. */
    public PagingCounters.Snapshot counters() {
        long hits = 0;
        long misses = 0;
        for (Mmu mmu : mmus) {
            hits += mmu.tlb().hits();
            misses += mmu.tlb().misses();
        }
        PagingCounters c = counters;
        return new PagingCounters.Snapshot(mode(), hits, misses, c.walks, c.walkReferences, c.shadowFaults,
                c.ptWriteTraps, shadowPages(), c.resyncs, c.flushes, c.gstageFaults, gstagePages());
    }

    /** Host frames the shadow tables use now (0 in nested mode). */
    long shadowPages() {
        return 0;
    }

    /** Host frames the G-stage table uses now (0 in shadow mode). */
    long gstagePages() {
        return 0;
    }

    /** Flushes every hart's TLBs (the engine threw away what they were filled from). */
    final void flushAllTlbs() {
        for (Mmu mmu : mmus) {
            mmu.flushAll();
        }
    }

    /** The guest-virtual address of the entry {@code index} of a table at {@code level} covering from {@code base}. */
    static long entryVa(long base, int index, int level, int levels) {
        long va = base + index * Pte.levelSize(level);
        int bits = 12 + 9 * levels;
        return (va << (64 - bits)) >> (64 - bits);
    }

    /** The first guest-virtual address the table at {@code level} that translates {@code va} covers. */
    static long tableBase(long va, int level, int levels) {
        return level == levels - 1 ? 0 : va & -Pte.levelSize(level + 1);
    }

    /**
     * The guest's table under {@code satp} as nodes, read without side effects: pages the guest never touched
     * read as zeros and are not allocated. {@link #leafSync} and {@link #tableSync} say each entry's state.
     */
    final List<PageTableNode> guestTree(long satp) {
        int mode = Satp.mode(satp);
        if (mode == Satp.MODE_BARE || !Satp.supported(mode)) {
            return List.of();
        }
        int levels = Satp.levels(mode);
        return guestEntries(satp, Satp.rootPpn(satp) << 12, levels - 1, 0, levels);
    }

    private List<PageTableNode> guestEntries(long satp, long table, int level, long base, int levels) {
        if (ram.frameNumber(table) == -1) {
            return List.of();
        }
        byte[] frame = ram.page(table);
        List<PageTableNode> nodes = new ArrayList<>();
        for (int i = 0; i < Pte.ENTRIES; i++) {
            long pte = Mmu.read(frame, i * 8, 8);
            if ((pte & Pte.V) == 0) {
                continue;
            }
            long gva = entryVa(base, i, level, levels);
            long target = Pte.ppn(pte) << 12;
            long size = Pte.levelSize(level);
            long address = table + i * 8;
            if (Pte.isLeaf(pte) || level == 0) {
                nodes.add(new PageTableNode(level, gva, size, pte, address, target, ram.frameNumber(target),
                        leafSync(satp, gva, level, pte), List.of()));
            } else {
                List<PageTableNode> children = ram.isRam(target, 4096)
                        ? guestEntries(satp, target, level - 1, gva, levels) : List.of();
                nodes.add(new PageTableNode(level, gva, size, pte, address, target, ram.frameNumber(target),
                        writeProtected(target) ? PageTableNode.Sync.WRITE_PROTECTED : PageTableNode.Sync.NONE,
                        children));
            }
        }
        return nodes;
    }

    /** How the engine's structures hold the guest leaf {@code pte} mapping {@code gva} (default: nothing to say). */
    PageTableNode.Sync leafSync(long satp, long gva, int level, long pte) {
        return PageTableNode.Sync.NONE;
    }

    /** Gives the engine's host frames back (the VM is gone). */
    public abstract void release();
}
