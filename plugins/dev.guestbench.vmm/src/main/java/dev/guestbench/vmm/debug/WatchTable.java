package dev.guestbench.vmm.debug;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

import dev.guestbench.vmm.memory.Access;
import dev.guestbench.vmm.memory.MemoryWatch;
import dev.guestbench.vmm.memory.MmuContext;

/**
 * The data watchpoints of one VM as the MMUs' slow paths consult them. Sets are arrays replaced whole (the
 * pages sorted), so the VM's thread reads them without locks; the first hit of a run is kept for the
 * debugger and handed to {@link Hits} to stop the hart.
 */
final class WatchTable implements MemoryWatch {

    /** Told of the first matching access of a run. */
    interface Hits {
        void hit(int hart, WatchHit hit);
    }

    private static final long[] NO_PAGES = new long[0];

    private volatile Watchpoint[] watchpoints = new Watchpoint[0];
    /** Pages (address >>> 12) that loads or stores may hit, virtual and physical. */
    private volatile long[] virtualLoadPages = NO_PAGES;
    private volatile long[] virtualStorePages = NO_PAGES;
    private volatile long[] physicalLoadPages = NO_PAGES;
    private volatile long[] physicalStorePages = NO_PAGES;
    /** Changes with every add and remove, so the debugger knows when the MMUs need the table again. */
    private volatile int version;
    /** Set while the debugger itself writes guest memory: its accesses are not the guest's. */
    volatile boolean quiet;
    private final Hits hits;
    private final IntToLongFunction pcOf;

    /** {@code pcOf}: a hart's pc, which its run loop sets to the accessing instruction before a slow access. */
    WatchTable(Hits hits, IntToLongFunction pcOf) {
        this.hits = hits;
        this.pcOf = pcOf;
    }

    synchronized boolean add(Watchpoint w) {
        for (Watchpoint x : watchpoints) {
            if (x.equals(w)) {
                return false;
            }
        }
        Watchpoint[] a = Arrays.copyOf(watchpoints, watchpoints.length + 1);
        a[a.length - 1] = w;
        set(a);
        return true;
    }

    synchronized boolean remove(Watchpoint w) {
        Watchpoint[] a = watchpoints;
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(w)) {
                Watchpoint[] b = new Watchpoint[a.length - 1];
                System.arraycopy(a, 0, b, 0, i);
                System.arraycopy(a, i + 1, b, i, b.length - i);
                set(b);
                return true;
            }
        }
        return false;
    }

    Watchpoint[] watchpoints() {
        return watchpoints.clone();
    }

    boolean isEmpty() {
        return watchpoints.length == 0;
    }

    int version() {
        return version;
    }

    private void set(Watchpoint[] a) {
        virtualLoadPages = pages(a, false, true);
        virtualStorePages = pages(a, false, false);
        physicalLoadPages = pages(a, true, true);
        physicalStorePages = pages(a, true, false);
        watchpoints = a;
        version++;
    }

    /** The sorted distinct pages of the watchpoints that loads (else stores) can hit. */
    private static long[] pages(Watchpoint[] a, boolean physical, boolean loads) {
        long[] p = new long[0];
        int n = 0;
        for (Watchpoint w : a) {
            if (w.physical() != physical || !w.kind().matches(loads, !loads)) {
                continue;
            }
            long first = w.address() >>> 12;
            long last = (w.address() + w.length() - 1) >>> 12;
            for (long page = first; Long.compareUnsigned(page, last) <= 0; page++) {
                if (n == p.length) {
                    p = Arrays.copyOf(p, Math.max(4, n * 2));
                }
                p[n++] = page;
            }
        }
        p = Arrays.copyOf(p, n);
        Arrays.sort(p);
        return Arrays.stream(p).distinct().toArray();
    }

    @Override
    public boolean watchesPage(long va, long pa, int access) {
        boolean load = access == Access.LOAD;
        return Arrays.binarySearch(load ? virtualLoadPages : virtualStorePages, va >>> 12) >= 0
                || Arrays.binarySearch(load ? physicalLoadPages : physicalStorePages, pa >>> 12) >= 0;
    }

    @Override
    public void accessed(MmuContext hart, long va, long pa, int size, boolean read, boolean write, long before,
            long after) {
        if (quiet) {
            return;
        }
        for (Watchpoint w : watchpoints) {
            if (w.kind().matches(read, write) && w.overlaps(w.physical() ? pa : va, size)) {
                int h = hart.hartId();
                hits.hit(h, new WatchHit(h, pcOf.applyAsLong(h), w, va, pa, size, read, write, before, after));
                return;
            }
        }
    }
}
