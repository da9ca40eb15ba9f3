package dev.guestbench.vmm.debug;

import java.util.Arrays;

import dev.guestbench.vmm.cpu.BreakpointHook;
import dev.guestbench.vmm.cpu.Vcpu;

/**
 * The address breakpoints of one VM (guest-virtual pcs) and the one temporary stop of a run-to, as the
 * vCPUs' run loops consult them. Sets are sorted arrays replaced whole, so the run loop reads them without
 * locks; a hit is noted for the debugger and asks the scheduler to pause.
 */
final class BreakpointTable implements BreakpointHook {

    private static final long NONE = -1;

    private volatile long[] addresses = new long[0];
    private volatile long[] pages = new long[0];
    private volatile long temporary = NONE;
    private volatile int temporaryHart = -1;
    /** Per hart: the pc it resumes from, whose breakpoint must not stop it at once; NONE when spent. */
    private final long[] resumeFrom;
    private final Runnable onHit;
    /** The last hit: hart, address and whether it was the temporary stop; read after the run returned. */
    int hitHart = -1;
    long hitAddress;
    boolean hitTemporary;

    BreakpointTable(int harts, Runnable onHit) {
        this.resumeFrom = new long[harts];
        Arrays.fill(resumeFrom, NONE);
        this.onHit = onHit;
    }

    synchronized boolean add(long address) {
        if (Arrays.binarySearch(addresses, address) >= 0) {
            return false;
        }
        long[] a = Arrays.copyOf(addresses, addresses.length + 1);
        a[a.length - 1] = address;
        Arrays.sort(a);
        addresses = a;
        rebuildPages();
        return true;
    }

    synchronized boolean remove(long address) {
        int i = Arrays.binarySearch(addresses, address);
        if (i < 0) {
            return false;
        }
        long[] a = new long[addresses.length - 1];
        System.arraycopy(addresses, 0, a, 0, i);
        System.arraycopy(addresses, i + 1, a, i, a.length - i);
        addresses = a;
        rebuildPages();
        return true;
    }

    long[] addresses() {
        return addresses.clone();
    }

    /** Stops hart {@code hart} (or any hart when -1) at {@code address} once; replaces the previous one. */
    synchronized void setTemporary(int hart, long address) {
        temporary = address;
        temporaryHart = hart;
        rebuildPages();
    }

    synchronized void clearTemporary() {
        temporary = NONE;
        temporaryHart = -1;
        rebuildPages();
    }

    /** Whether anything could stop a vCPU (the hook need not be installed otherwise). */
    boolean isEmpty() {
        return addresses.length == 0 && temporary == NONE;
    }

    /** Hart {@code hart} resumes from {@code pc}: a breakpoint there does not stop it before it moved on. */
    void resumingFrom(int hart, long pc) {
        resumeFrom[hart] = pc;
    }

    void clearHit() {
        hitHart = -1;
    }

    private void rebuildPages() {
        long[] a = addresses;
        long[] p = new long[a.length + (temporary == NONE ? 0 : 1)];
        for (int i = 0; i < a.length; i++) {
            p[i] = a[i] >>> 12;
        }
        if (temporary != NONE) {
            p[p.length - 1] = temporary >>> 12;
        }
        Arrays.sort(p);
        pages = p;
    }

    @Override
    public boolean stopBefore(Vcpu cpu, long pc) {
        int hart = cpu.state.hartId;
        long from = resumeFrom[hart];
        if (from != NONE) {
            resumeFrom[hart] = NONE;
            if (from == pc) {
                return false;
            }
        }
        boolean temp = pc == temporary && (temporaryHart == -1 || temporaryHart == hart);
        if (!temp && Arrays.binarySearch(addresses, pc) < 0) {
            return false;
        }
        hitHart = hart;
        hitAddress = pc;
        hitTemporary = temp;
        onHit.run();
        return true;
    }

    @Override
    public boolean watchesPage(long pc) {
        return Arrays.binarySearch(pages, pc >>> 12) >= 0;
    }
}
