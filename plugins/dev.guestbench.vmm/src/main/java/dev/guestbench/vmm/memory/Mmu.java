package dev.guestbench.vmm.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One hart's view of memory: address translation (Bare for now: a virtual address is the guest-physical
 * one), PMP checks, and a software TLB per privilege mode that the interpreter's fast path reads directly.
 * A TLB entry maps a virtual page to the host frame behind it once PMP has allowed the whole page; pages
 * that are not RAM (devices), pages PMP splits, and pages holding decoded code (for writes) are never
 * cached, so every access to them takes the slow path.
 */
public final class Mmu {

    /** log2 of the number of TLB entries per mode and kind. */
    public static final int TLB_BITS = 8;
    /** TLB entries per mode and kind. */
    public static final int TLB_SIZE = 1 << TLB_BITS;
    /** Index mask for a virtual page number. */
    public static final int TLB_MASK = TLB_SIZE - 1;
    /** Tag of an empty TLB entry: no virtual page number has all bits set. */
    public static final long NO_PAGE = -1L;

    /** Slow-path outcome: done. */
    public static final int OK = 0;
    /** Slow-path outcome: the address is not RAM; ask the bus ({@link #physicalAddress} holds where). */
    public static final int DEVICE = 1;
    /** Slow-path outcome: an exception; {@link #faultCause} and {@link #faultAddress} say which. */
    public static final int FAULT = 2;

    /** Exception causes the MMU raises (the privileged spec's numbers). */
    public static final int CAUSE_FETCH_ACCESS = 1;
    public static final int CAUSE_LOAD_ACCESS = 5;
    public static final int CAUSE_STORE_ACCESS = 7;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final GuestPhysicalMap ram;
    private final Pmp pmp;
    private final CodeWatch code;

    /** Read TLB tags by mode index (0 = U, 1 = S, 2 = M): the virtual page number, or {@link #NO_PAGE}. */
    public final long[][] readTags = new long[3][TLB_SIZE];
    /** The host frames of the read TLB. */
    public final byte[][][] readPages = new byte[3][TLB_SIZE][];
    /** Write TLB tags by mode index. */
    public final long[][] writeTags = new long[3][TLB_SIZE];
    /** The host frames of the write TLB. */
    public final byte[][][] writePages = new byte[3][TLB_SIZE][];

    /** After a slow access: {@link #OK}, {@link #DEVICE} or {@link #FAULT}. */
    public int status;
    /** The exception cause when {@link #status} is {@link #FAULT}. */
    public int faultCause;
    /** The faulting address (the value for mtval/stval). */
    public long faultAddress;
    /** The guest-physical address of the last access that went to a device. */
    public long physicalAddress;
    /** Set when a store changed a page with decoded code; the interpreter must refetch. */
    public boolean codeChanged;

    private long tlbMisses;

    public Mmu(GuestPhysicalMap ram, Pmp pmp, CodeWatch code) {
        this.ram = ram;
        this.pmp = pmp;
        this.code = code;
        flushAll();
    }

    /** Index of a privilege in the per-mode TLB arrays. */
    public static int modeIndex(int priv) {
        return priv == 3 ? 2 : priv;
    }

    /** Drops every TLB entry (PMP or satp changed, SFENCE.VMA). */
    public void flushAll() {
        for (int m = 0; m < 3; m++) {
            Arrays.fill(readTags[m], NO_PAGE);
            Arrays.fill(writeTags[m], NO_PAGE);
            Arrays.fill(readPages[m], null);
            Arrays.fill(writePages[m], null);
        }
    }

    /** Drops the write entries of every mode (a page became a code page). */
    public void flushWrites() {
        for (int m = 0; m < 3; m++) {
            Arrays.fill(writeTags[m], NO_PAGE);
            Arrays.fill(writePages[m], null);
        }
    }

    /** The physical address for an instruction fetch at {@code va}, or -1 after setting the fault. */
    public long translateFetch(long va, int priv) {
        long pa = va;
        if (!ram.isRam(pa, 2)) {
            return fault(CAUSE_FETCH_ACCESS, va);
        }
        // 2 bytes: a 32-bit instruction straddling into a page PMP denies faults when its second half is fetched.
        if ((pmp.permissions(pa, 2, priv) & Pmp.X) == 0) {
            return fault(CAUSE_FETCH_ACCESS, va);
        }
        status = OK;
        return pa;
    }

    /** The host frame of a physical RAM page (for the decode cache). */
    public byte[] frame(long pa) {
        return ram.page(pa);
    }

    /**
     * Loads {@code size} bytes (1, 2, 4, 8) at {@code va} for privilege {@code priv}, filling the TLB when it
     * can. The value is zero-extended. Sets {@link #status}: on {@link #DEVICE} the caller reads the bus at
     * {@link #physicalAddress}; on {@link #FAULT} the value is meaningless.
     */
    public long load(long va, int size, int priv) {
        int offset = (int) va & 0xfff;
        if (offset + size > 4096) {
            return loadSplit(va, size, priv);
        }
        long pa = va;
        int perms = pmp.permissions(pa, size, priv);
        if ((perms & Pmp.R) == 0) {
            return fault(CAUSE_LOAD_ACCESS, va);
        }
        byte[] page = ram.page(pa);
        if (page == null) {
            status = DEVICE;
            physicalAddress = pa;
            return 0;
        }
        tlbMisses++;
        fillRead(va, pa, page, priv);
        status = OK;
        return read(page, offset, size);
    }

    /** Stores the low {@code size} bytes of {@code value} at {@code va}; see {@link #load} for the outcome. */
    public void store(long va, int size, long value, int priv) {
        int offset = (int) va & 0xfff;
        if (offset + size > 4096) {
            storeSplit(va, size, value, priv);
            return;
        }
        long pa = va;
        int perms = pmp.permissions(pa, size, priv);
        if ((perms & Pmp.W) == 0) {
            fault(CAUSE_STORE_ACCESS, va);
            return;
        }
        byte[] page = ram.page(pa);
        if (page == null) {
            status = DEVICE;
            physicalAddress = pa;
            return;
        }
        tlbMisses++;
        write(page, offset, size, value);
        if (code.hasCode(pa)) {
            code.codeWritten(pa);
            codeChanged = true;
        } else {
            fillWrite(va, pa, page, priv);
        }
        status = OK;
    }

    /**
     * Checks that an atomic access of {@code size} bytes at {@code va} may read and write RAM and returns the
     * host frame, or null with {@link #status} set ({@link #FAULT}: store/AMO access fault; {@link #DEVICE}:
     * atomics on devices are not supported and fault too, as on QEMU).
     */
    public byte[] atomicFrame(long va, int size, int priv) {
        long pa = va;
        int perms = pmp.permissions(pa, size, priv);
        byte[] page = (perms & (Pmp.R | Pmp.W)) == (Pmp.R | Pmp.W) ? ram.page(pa) : null;
        if (page == null) {
            fault(CAUSE_STORE_ACCESS, va);
            return null;
        }
        if (code.hasCode(pa)) {
            code.codeWritten(pa);
            codeChanged = true;
        }
        status = OK;
        return page;
    }

    private long loadSplit(long va, int size, int priv) {
        // A misaligned access across a page end: byte by byte, as the two accesses it is (no trap, as QEMU).
        // A fault reports the first byte that cannot be read, as QEMU does (the start of the second page).
        long value = 0;
        for (int i = 0; i < size; i++) {
            long b = load(va + i, 1, priv);
            if (status != OK) {
                // A device on either side of a page end is not worth supporting: an access fault.
                return status == FAULT ? -1 : fault(CAUSE_LOAD_ACCESS, va + i);
            }
            value |= (b & 0xff) << (8 * i);
        }
        status = OK;
        return value;
    }

    private void storeSplit(long va, int size, long value, int priv) {
        // Check every byte first so that a fault leaves memory untouched.
        for (int i = 0; i < size; i++) {
            long a = va + i;
            if ((pmp.permissions(a, 1, priv) & Pmp.W) == 0 || !ram.isRam(a, 1)) {
                fault(CAUSE_STORE_ACCESS, a);
                return;
            }
        }
        boolean changed = false;
        for (int i = 0; i < size; i++) {
            store(va + i, 1, value >>> (8 * i), priv);
            changed |= codeChanged;
        }
        codeChanged = changed;
        status = OK;
    }

    private void fillRead(long va, long pa, byte[] page, int priv) {
        int perms = pmp.pagePermissions(pa & ~0xfffL, priv);
        if (perms != Pmp.NOT_UNIFORM && (perms & Pmp.R) != 0) {
            int m = modeIndex(priv);
            int i = (int) (va >>> 12) & TLB_MASK;
            readTags[m][i] = va >>> 12;
            readPages[m][i] = page;
        }
    }

    private void fillWrite(long va, long pa, byte[] page, int priv) {
        int perms = pmp.pagePermissions(pa & ~0xfffL, priv);
        if (perms != Pmp.NOT_UNIFORM && (perms & Pmp.W) != 0) {
            int m = modeIndex(priv);
            int i = (int) (va >>> 12) & TLB_MASK;
            writeTags[m][i] = va >>> 12;
            writePages[m][i] = page;
        }
    }

    private long fault(int cause, long va) {
        status = FAULT;
        faultCause = cause;
        faultAddress = va;
        return -1;
    }

    /** Reads {@code size} little-endian bytes of a frame, zero-extended. */
    public static long read(byte[] page, int offset, int size) {
        return switch (size) {
            case 1 -> page[offset] & 0xffL;
            case 2 -> (short) SHORT.get(page, offset) & 0xffffL;
            case 4 -> (int) INT.get(page, offset) & 0xffff_ffffL;
            default -> (long) LONG.get(page, offset);
        };
    }

    /** Writes the low {@code size} bytes of {@code value} little-endian into a frame. */
    public static void write(byte[] page, int offset, int size, long value) {
        switch (size) {
            case 1 -> page[offset] = (byte) value;
            case 2 -> SHORT.set(page, offset, (short) value);
            case 4 -> INT.set(page, offset, (int) value);
            default -> LONG.set(page, offset, value);
        }
    }

    /** Slow-path accesses that went to RAM (TLB misses). */
    public long tlbMisses() {
        return tlbMisses;
    }
}
