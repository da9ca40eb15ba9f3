package dev.guestbench.vmm.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shadow paging: for each guest address space (ASID and root table) the VMM keeps a table in the guest's
 * own format (Sv39/Sv48, in host frames) whose leaves map guest-virtual pages straight to host frames. A TLB
 * miss walks the shadow table; a shadow miss (no entry, or one without the permission the access needs)
 * exits to the VMM, which walks the guest's table (setting A/D there) and fills the shadow. Shadow leaves
 * are 4 KiB whatever the guest's page size, and writable only once the guest's D bit is set, so the first
 * write to a clean page faults into the VMM, which sets D. The guest's page-table pages that feed a shadow
 * are write-protected: a store to one that changes a valid entry drops the shadow entries it fed.
 */
public final class ShadowPaging extends PagingEngine {

    /** Shadow roots kept at once (address spaces); the least recently used one goes. */
    static final int MAX_ROOTS = 64;
    /** Host frames the shadow tables may take before they are all thrown away and rebuilt on demand. */
    public static final int MAX_FRAMES = 16384;
    /** Shadow leaf software bit: the target is a guest-physical device page, not a host frame. */
    private static final long DEVICE_PAGE = 1L << 8;

    /** One shadow table page: the real entries in a host frame, and the Java references beside them. */
    private static final class Table {
        final int frameNumber;
        final byte[] entries;
        final Table[] children;
        /** For level-0 tables: the guest-physical page each leaf maps, and the guest leaf's level. */
        final long[] gpas;
        final byte[] guestLevels;
        /** For level-0 tables: the host frame of each RAM leaf, so a walk need not look its number up. */
        final byte[][] frames;

        Table(int frameNumber, byte[] entries, boolean leaves) {
            this.frameNumber = frameNumber;
            this.entries = entries;
            this.children = leaves ? null : new Table[Pte.ENTRIES];
            this.gpas = leaves ? new long[Pte.ENTRIES] : null;
            this.guestLevels = leaves ? new byte[Pte.ENTRIES] : null;
            this.frames = leaves ? new byte[Pte.ENTRIES][] : null;
        }
    }

    /** The shadow of one guest address space. */
    private static final class Root {
        final int asid;
        final long satpKey;
        final int levels;
        Table table;
        /** Guest tables feeding this shadow: (level, first VA covered) -> guest-physical page. */
        final Map<Long, Long> feeds = new HashMap<>();

        Root(int asid, long satpKey, int levels) {
            this.asid = asid;
            this.satpKey = satpKey;
            this.levels = levels;
        }
    }

    /** A guest table page feeding a shadow: which root, at which level, covering from which VA. */
    private record Feed(Root root, int level, long base) {
    }

    private final LinkedHashMap<Long, Root> roots = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Long, List<Feed>> feedsByPage = new HashMap<>();
    private final PageWalk.PteMemory guestMemory;
    private Root[] current = new Root[8];
    private long[] currentSatp = new long[8];
    private int frames;

    ShadowPaging(GuestPhysicalMap ram, HostMemory host) {
        super(ram, host);
        this.guestMemory = ram::page;
    }

    @Override
    public PagingMode mode() {
        return PagingMode.SHADOW;
    }

    @Override
    byte[] physicalFrame(MmuContext hart, long gpa) {
        return ram.page(gpa);
    }

    @Override
    int translate(MmuContext hart, PageWalk walk, Pmp pmp, long va, int access, int priv, long satp, long mstatus,
            Result out) {
        Root root = rootFor(hart, satp);
        if (PageWalk.canonical(va, root.levels) && shadowWalk(root, va, access, priv, mstatus, out)) {
            return PageWalk.OK;
        }
        counters.shadowFaults++;
        if (hart != null) {
            hart.pagingExit(PagingExit.SHADOW_FAULT, va, 0);
        }
        int outcome = walk.walk(va, access, priv, satp, mstatus, pmp, guestMemory, true);
        if (outcome != PageWalk.OK) {
            return outcome;
        }
        fill(hart, root, walk, va);
        out.gpa = walk.gpa;
        out.frame = ram.page(walk.gpa);
        out.flags = walk.pte & 0xff;
        out.level = walk.level;
        return PageWalk.OK;
    }

    /** The hardware's walk of the shadow table: true with {@code out} filled when it has a usable leaf. */
    private boolean shadowWalk(Root root, long va, int access, int priv, long mstatus, Result out) {
        counters.walks++;
        Table t = root.table;
        for (int level = root.levels - 1; level > 0; level--) {
            counters.walkReferences++;
            t = t.children[index(va, level)];
            if (t == null) {
                return false;
            }
        }
        counters.walkReferences++;
        int i = index(va, 0);
        long pte = Mmu.read(t.entries, i * 8, 8);
        if ((pte & Pte.V) == 0 || !Access.permitted(pte, access, priv, (mstatus & (1L << 18)) != 0,
                (mstatus & (1L << 19)) != 0)) {
            return false;
        }
        out.gpa = t.gpas[i] | (va & 0xfff);
        out.frame = t.frames[i];
        // The guest's flags: W only where the shadow grants it (D set), so the TLB asks again for a first write.
        out.flags = pte & 0xff;
        out.level = t.guestLevels[i];
        return true;
    }

    /** Enters the walk's translation of {@code va}'s 4 KiB page into the shadow and records what fed it. */
    private void fill(MmuContext hart, Root root, PageWalk walk, long va) {
        Table t = root.table;
        feed(root, root.levels - 1, 0, walk.tables[root.levels - 1]);
        for (int level = root.levels - 1; level > 0; level--) {
            int i = index(va, level);
            Table child = t.children[i];
            if (child == null) {
                child = newTable(level - 1 == 0);
                t.children[i] = child;
                Mmu.write(t.entries, i * 8, 8, Pte.make(child.frameNumber, Pte.V));
            }
            t = child;
            if (level - 1 >= walk.level) {
                feed(root, level - 1, tableBase(va, level - 1, root.levels), walk.tables[level - 1]);
            }
        }
        long gpaPage = walk.gpa & ~0xfffL;
        long flags = walk.pte & (Pte.R | Pte.W | Pte.X | Pte.U | Pte.G | Pte.A | Pte.D);
        if ((flags & Pte.D) == 0) {
            flags &= ~Pte.W;
        }
        byte[] frame = ram.page(gpaPage);
        int frameNumber = frame != null ? ram.frameNumber(gpaPage) : -1;
        long leaf = frameNumber >= 0 ? Pte.make(frameNumber, flags | Pte.V)
                : Pte.make(gpaPage >>> 12, flags | Pte.V | DEVICE_PAGE);
        int i = index(va, 0);
        Mmu.write(t.entries, i * 8, 8, leaf);
        t.gpas[i] = gpaPage;
        t.guestLevels[i] = (byte) walk.level;
        t.frames[i] = frame;
        if (listening()) {
            fire(new MappingEvent(MappingEvent.Kind.SHADOW_SYNCED, hart == null ? -1 : hart.hartId(), root.asid,
                    va & ~0xfffL, 4096, walk.pteAddress, 0, walk.pte));
        }
        if (frames > MAX_FRAMES) {
            dropAll();
        }
    }

    /** Records that guest table page {@code gpa} feeds {@code root} at {@code level} from {@code base}. */
    private void feed(Root root, int level, long base, long gpa) {
        long page = gpa & ~0xfffL;
        Long key = feedKey(level, base);
        Long before = root.feeds.put(key, page);
        if (before != null) {
            if (before == page) {
                return;
            }
            unfeed(root, level, base, before);
        }
        List<Feed> list = feedsByPage.get(page);
        if (list == null) {
            list = new ArrayList<>(2);
            feedsByPage.put(page, list);
            protect(page);
        }
        list.add(new Feed(root, level, base));
    }

    private void unfeed(Root root, int level, long base, long page) {
        List<Feed> list = feedsByPage.get(page);
        if (list == null) {
            return;
        }
        list.removeIf(f -> f.root == root && f.level == level && f.base == base);
        if (list.isEmpty()) {
            feedsByPage.remove(page);
            unprotect(page);
        }
    }

    private static Long feedKey(int level, long base) {
        // base has its low 12 bits clear; the level fits there.
        return base | level;
    }

    @Override
    void pageTableWritten(MmuContext hart, long pteAddress, long oldPte, long newPte) {
        counters.ptWriteTraps++;
        if (hart != null) {
            hart.pagingExit(PagingExit.PT_WRITE, pteAddress, newPte);
        }
        if (oldPte == newPte) {
            return;
        }
        List<Feed> list = feedsByPage.get(pteAddress & ~0xfffL);
        if (list == null) {
            return;
        }
        int index = (int) (pteAddress & 0xfff) >>> 3;
        for (Feed f : list.toArray(new Feed[0])) {
            long gva = entryVa(f.base, index, f.level, f.root.levels);
            if (listening()) {
                fireGuestChange(hart, f.root.asid, gva, f.level, pteAddress, oldPte, newPte);
            }
            // Only valid entries were ever shadowed: making one valid needs nothing dropped.
            if ((oldPte & Pte.V) != 0 && zap(hart, f.root, gva, f.level, pteAddress)) {
                counters.resyncs++;
            }
        }
    }

    /**
     * Drops the shadow of the guest entry at {@code level} that maps {@code gva} (a leaf, or a whole subtree)
     * and forgets the guest tables that fed the subtree. Returns whether anything was shadowed.
     */
    private boolean zap(MmuContext hart, Root root, long gva, int level, long pteAddress) {
        if (root.table == null) {
            return false;
        }
        Table t = root.table;
        for (int l = root.levels - 1; l > level; l--) {
            t = t.children[index(gva, l)];
            if (t == null) {
                return false;
            }
        }
        int i = index(gva, level);
        boolean dropped;
        if (level == 0) {
            long pte = Mmu.read(t.entries, i * 8, 8);
            dropped = (pte & Pte.V) != 0;
            Mmu.write(t.entries, i * 8, 8, 0);
            t.frames[i] = null;
        } else {
            Table child = t.children[i];
            dropped = child != null;
            if (child != null) {
                release(child);
                t.children[i] = null;
                Mmu.write(t.entries, i * 8, 8, 0);
            }
            forgetFeeds(root, gva, level);
        }
        if (dropped && listening()) {
            fire(new MappingEvent(MappingEvent.Kind.SHADOW_INVALIDATED, hart == null ? -1 : hart.hartId(), root.asid,
                    gva & -Pte.levelSize(level), Pte.levelSize(level), pteAddress, 0, 0));
        }
        return dropped;
    }

    /** Forgets the feeds of the tables below the entry at {@code level} covering {@code gva}. */
    private void forgetFeeds(Root root, long gva, int level) {
        long start = gva & -Pte.levelSize(level);
        long size = Pte.levelSize(level);
        Iterator<Map.Entry<Long, Long>> it = root.feeds.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Long> e = it.next();
            long key = e.getKey();
            int l = (int) (key & 0xfff);
            long base = key & ~0xfffL;
            if (l < level && Long.compareUnsigned(base - start, size) < 0) {
                it.remove();
                unfeed(root, l, base, e.getValue());
            }
        }
    }

    @Override
    void fenceAddress(long va, int asid) {
        // Resync what the fence names: the next access re-reads the guest's entry (covers tables changed
        // behind the write protection, e.g. by device DMA).
        for (Root root : roots.values()) {
            if ((asid < 0 || root.asid == asid) && PageWalk.canonical(va, root.levels)) {
                if (zap(null, root, va, 0, 0)) {
                    counters.resyncs++;
                }
            }
        }
    }

    @Override
    void pmpChanged() {
        // Every shadow entry came from a walk whose PTE reads the old PMP allowed.
        dropAll();
    }

    /** The shadow for {@code satp}, made on first use; the current one per hart is found without a lookup. */
    private Root rootFor(MmuContext hart, long satp) {
        int h = hart == null ? 0 : hart.hartId();
        if (h >= current.length) {
            int n = Math.max(h + 1, current.length * 2);
            current = java.util.Arrays.copyOf(current, n);
            currentSatp = java.util.Arrays.copyOf(currentSatp, n);
        }
        long key = satpKey(satp);
        Root root = current[h];
        if (root != null && currentSatp[h] == key && root.table != null) {
            return root;
        }
        root = roots.get(key);
        if (root == null) {
            root = new Root(Satp.asid(satp), key, Satp.levels(Satp.mode(satp)));
            root.table = newTable(false);
            roots.put(key, root);
            if (roots.size() > MAX_ROOTS) {
                Root eldest = roots.values().iterator().next();
                drop(eldest);
                roots.remove(eldest.satpKey);
            }
        }
        current[h] = root;
        currentSatp[h] = key;
        return root;
    }

    private static long satpKey(long satp) {
        // Mode, ASID and root: the whole satp.
        return satp;
    }

    private Table newTable(boolean leaves) {
        int frameNumber = host.allocate();
        frames++;
        return new Table(frameNumber, host.frame(frameNumber), leaves);
    }

    private void release(Table t) {
        if (t.children != null) {
            for (Table c : t.children) {
                if (c != null) {
                    release(c);
                }
            }
        }
        host.release(t.frameNumber);
        frames--;
    }

    /** Throws a shadow away with everything it fed from. */
    private void drop(Root root) {
        for (Map.Entry<Long, Long> e : new ArrayList<>(root.feeds.entrySet())) {
            long key = e.getKey();
            unfeed(root, (int) (key & 0xfff), key & ~0xfffL, e.getValue());
        }
        root.feeds.clear();
        if (root.table != null) {
            release(root.table);
            root.table = null;
        }
    }

    private void dropAll() {
        for (Root root : roots.values()) {
            drop(root);
        }
        roots.clear();
        java.util.Arrays.fill(current, null);
        counters.flushes++;
    }

    private static int index(long va, int level) {
        return (int) (va >>> (12 + 9 * level)) & 0x1ff;
    }

    @Override
    long shadowPages() {
        return frames;
    }

    @Override
    PageTableNode.Sync leafSync(long satp, long gva, int level, long pte) {
        Root root = roots.get(satpKey(satp));
        if (root == null || root.table == null) {
            return PageTableNode.Sync.NOT_SHADOWED;
        }
        Table t = root.table;
        for (int l = root.levels - 1; l > level; l--) {
            t = t.children[index(gva, l)];
            if (t == null) {
                return PageTableNode.Sync.NOT_SHADOWED;
            }
        }
        int i = index(gva, level);
        if (level == 0) {
            long s = Mmu.read(t.entries, i * 8, 8);
            if ((s & Pte.V) == 0) {
                return PageTableNode.Sync.NOT_SHADOWED;
            }
            long gpa = Pte.ppn(pte) << 12;
            boolean sameTarget = (s & DEVICE_PAGE) != 0 ? t.gpas[i] == gpa : Pte.ppn(s) == ram.frameNumber(gpa);
            long guestPerms = pte & (Pte.R | Pte.X | Pte.U);
            return sameTarget && (s & (Pte.R | Pte.X | Pte.U)) == guestPerms ? PageTableNode.Sync.IN_SYNC
                    : PageTableNode.Sync.STALE;
        }
        Table sub = t.children[i];
        if (sub == null) {
            return PageTableNode.Sync.NOT_SHADOWED;
        }
        long shadowed = countLeaves(sub);
        long full = Pte.levelSize(level) >>> 12;
        return shadowed == full ? PageTableNode.Sync.IN_SYNC
                : shadowed == 0 ? PageTableNode.Sync.NOT_SHADOWED : PageTableNode.Sync.PARTIAL;
    }

    private static long countLeaves(Table t) {
        long n = 0;
        if (t.children == null) {
            for (int i = 0; i < Pte.ENTRIES; i++) {
                if ((Mmu.read(t.entries, i * 8, 8) & Pte.V) != 0) {
                    n++;
                }
            }
            return n;
        }
        for (Table c : t.children) {
            if (c != null) {
                n += countLeaves(c);
            }
        }
        return n;
    }

    @Override
    public PageTableSnapshot snapshot(long satp, long mstatus) {
        List<PageTableNode> shadow = List.of();
        Root root = roots.get(satpKey(satp));
        if (root != null && root.table != null) {
            shadow = shadowEntries(root.table, root.levels - 1, 0, root.levels);
        }
        return new PageTableSnapshot(mode(), satp, guestTree(satp), shadow, 0, counters());
    }

    private List<PageTableNode> shadowEntries(Table t, int level, long base, int levels) {
        List<PageTableNode> nodes = new ArrayList<>();
        for (int i = 0; i < Pte.ENTRIES; i++) {
            long pte = Mmu.read(t.entries, i * 8, 8);
            if ((pte & Pte.V) == 0) {
                continue;
            }
            long gva = entryVa(base, i, level, levels);
            long address = ((long) t.frameNumber << 12) + i * 8L;
            if (t.children == null) {
                boolean device = (pte & DEVICE_PAGE) != 0;
                nodes.add(new PageTableNode(0, gva, 4096, pte, address, t.gpas[i], device ? -1 : Pte.ppn(pte),
                        PageTableNode.Sync.NONE, List.of()));
            } else if (t.children[i] != null) {
                Table c = t.children[i];
                nodes.add(new PageTableNode(level, gva, Pte.levelSize(level), pte, address, -1, c.frameNumber,
                        PageTableNode.Sync.NONE, shadowEntries(c, level - 1, gva, levels)));
            }
        }
        return nodes;
    }

    @Override
    public void release() {
        for (Root root : roots.values()) {
            drop(root);
        }
        roots.clear();
    }
}
