package dev.guestbench.vmm.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * One hart's view of memory: address translation (Bare, or Sv39/Sv48 through the VM's {@link PagingEngine}),
 * PMP checks, an ASID-tagged {@link Tlb}, and in front of it a micro TLB per privilege mode that the
 * interpreter's and translated code's fast paths read directly. A micro entry maps a virtual page to the
 * host frame behind it once translation and PMP have allowed the whole page; device pages, pages PMP splits,
 * and (for writes) pages holding decoded code or guest page tables the engine watches are never in it, so
 * every access to them takes the slow path.
 */
public final class Mmu {

    /** log2 of the number of micro TLB entries per mode and kind. */
    public static final int TLB_BITS = 8;
    /** Micro TLB entries per mode and kind. */
    public static final int TLB_SIZE = 1 << TLB_BITS;
    /** Index mask for a virtual page number. */
    public static final int TLB_MASK = TLB_SIZE - 1;
    /** Tag of an empty micro TLB entry: no virtual page number has all bits set. */
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

    private static final int PRIV_M = 3;
    private static final long MSTATUS_SUM = 1L << 18;
    private static final long MSTATUS_MXR = 1L << 19;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final GuestPhysicalMap ram;
    private final Pmp pmp;
    private final CodeWatch code;
    private final PagingEngine engine;
    private final Tlb tlb = new Tlb();
    private final PageWalk walk = new PageWalk();
    private final PagingEngine.Result result = new PagingEngine.Result();
    private MmuContext context;
    private Runnable flushListener = () -> { };
    private LongConsumer pageFlushListener = vpn -> flushListener.run();

    /** Read micro TLB tags by mode index (0 = U, 1 = S, 2 = M): the virtual page number, or {@link #NO_PAGE}. */
    public final long[][] readTags = new long[3][TLB_SIZE];
    /** The host frames of the read micro TLB. */
    public final byte[][][] readPages = new byte[3][TLB_SIZE][];
    /** Write micro TLB tags by mode index. */
    public final long[][] writeTags = new long[3][TLB_SIZE];
    /** The host frames of the write micro TLB. */
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
    /** The host frame of the last successful {@link #translateFetch}. */
    public byte[] fetchFrame;

    /** Set by a translation: the host frame (null: a device page) and the leaf's flags. */
    private byte[] frame;
    private int leafFlags;
    /** An atomic access to a watched page-table page: where, and the 8 bytes before it. */
    private long atomicPteAddress = -1;
    private long atomicOldPte;
    /** A debugger's watchpoints, or null (none: the slow path does not look). */
    private MemoryWatch watch;
    /** An atomic access to a watched page: where, its size and the bytes before it; -1 when none. */
    private long atomicWatchVa = -1;
    private long atomicWatchPa;
    private int atomicWatchSize;
    private long atomicWatchBefore;

    private long slowAccesses;

    /** An MMU over Bare translation only (no engine): for tests and tools that never enable paging. */
    public Mmu(GuestPhysicalMap ram, Pmp pmp, CodeWatch code) {
        this(ram, pmp, code, null);
    }

    /** An MMU whose Sv39/Sv48 translations come from {@code engine}. */
    public Mmu(GuestPhysicalMap ram, Pmp pmp, CodeWatch code, PagingEngine engine) {
        this.ram = ram;
        this.pmp = pmp;
        this.code = code;
        this.engine = engine;
        if (engine != null) {
            engine.attach(this);
        }
        flushAll();
    }

    /** Binds the hart this MMU serves (its satp and mstatus steer translation). */
    public void bind(MmuContext hart, Runnable onFlush) {
        this.context = hart;
        this.flushListener = onFlush;
        this.pageFlushListener = vpn -> onFlush.run();
    }

    /**
     * Binds the hart, with {@code onFlushPage} told the virtual page number when a fence drops one page
     * only (what the hart caches of the others stays right).
     */
    public void bind(MmuContext hart, Runnable onFlush, LongConsumer onFlushPage) {
        this.context = hart;
        this.flushListener = onFlush;
        this.pageFlushListener = onFlushPage;
    }

    /** The hart this MMU serves, or null before {@link #bind}. */
    public MmuContext context() {
        return context;
    }

    /** Installs a debugger's watchpoints (null: none); the micro TLBs are dropped so watched pages leave them. */
    public void setWatch(MemoryWatch watch) {
        this.watch = watch;
        flushMicro();
    }

    /** Index of a privilege in the per-mode micro TLB arrays. */
    public static int modeIndex(int priv) {
        return priv == 3 ? 2 : priv;
    }

    /** This hart's TLB (hit and miss counts). */
    public Tlb tlb() {
        return tlb;
    }

    /** The engine behind this MMU, or null for Bare only. */
    public PagingEngine engine() {
        return engine;
    }

    /** Drops every translation: the micro TLBs, the TLB and the hart's fetch cache (PMP changed, a reset). */
    public void flushAll() {
        tlb.flushAll();
        flushMicro();
    }

    /**
     * Drops the micro TLBs and the fetch cache: what privilege, SUM/MXR/MPRV or the current address space
     * made of the TLB's entries (satp and mstatus writes). The ASID-tagged TLB stays, as in hardware.
     */
    public void flushMicro() {
        for (int m = 0; m < 3; m++) {
            Arrays.fill(readTags[m], NO_PAGE);
            Arrays.fill(writeTags[m], NO_PAGE);
            Arrays.fill(readPages[m], null);
            Arrays.fill(writePages[m], null);
        }
        flushListener.run();
    }

    /** Drops the micro TLB entries and the fetch cache entry of one virtual page, in every mode. */
    private void flushMicroPage(long vpn) {
        int i = (int) vpn & TLB_MASK;
        for (int m = 0; m < 3; m++) {
            if (readTags[m][i] == vpn) {
                readTags[m][i] = NO_PAGE;
                readPages[m][i] = null;
            }
            if (writeTags[m][i] == vpn) {
                writeTags[m][i] = NO_PAGE;
                writePages[m][i] = null;
            }
        }
        pageFlushListener.accept(vpn);
    }

    /** Drops the write entries of every mode (a page became a code page or a watched page-table page). */
    public void flushWrites() {
        for (int m = 0; m < 3; m++) {
            Arrays.fill(writeTags[m], NO_PAGE);
            Arrays.fill(writePages[m], null);
        }
    }

    /**
     * SFENCE.VMA: {@code address} is rs1's value or -1 for every address (rs1 = x0); {@code asid} rs2's value
     * or -1 for every address space (rs2 = x0).
     */
    public void sfence(long address, int asid) {
        boolean wide = tlb.flush(address == -1, address, asid);
        if (engine != null) {
            engine.countFlush();
            if (address != -1) {
                engine.fenceAddress(address, asid);
            }
        }
        // A fence of one address that no cached superpage contains concerns that page alone.
        if (wide) {
            flushMicro();
        } else {
            flushMicroPage(address >>> 12);
        }
    }

    /** PMP changed: every translation was checked under the old rules. */
    public void pmpChanged() {
        if (engine != null) {
            engine.pmpChanged();
        }
        flushAll();
    }

    /** The guest-physical address for an instruction fetch at {@code va}, or -1 after setting the fault. */
    public long translateFetch(long va, int priv) {
        long pa = translate(va, Access.FETCH, priv);
        if (pa == -1) {
            return -1;
        }
        // 2 bytes: a 32-bit instruction straddling into a page PMP denies faults when its second half is fetched.
        if (frame == null || (pmp.permissions(pa, 2, priv) & Pmp.X) == 0) {
            return fault(CAUSE_FETCH_ACCESS, va);
        }
        fetchFrame = frame;
        status = OK;
        return pa;
    }

    /**
     * Loads {@code size} bytes (1, 2, 4, 8) at {@code va} for privilege {@code priv}, filling the micro TLB
     * when it can. The value is zero-extended. Sets {@link #status}: on {@link #DEVICE} the caller reads the
     * bus at {@link #physicalAddress}; on {@link #FAULT} the value is meaningless.
     */
    public long load(long va, int size, int priv) {
        int offset = (int) va & 0xfff;
        if (offset + size > 4096) {
            return loadSplit(va, size, priv);
        }
        slowAccesses++;
        long pa = translate(va, Access.LOAD, priv);
        if (pa == -1) {
            return -1;
        }
        int perms = pmp.pagePermissions(pa & ~0xfffL, priv);
        if ((accessPermissions(perms, pa, size, priv) & Pmp.R) == 0) {
            return fault(CAUSE_LOAD_ACCESS, va);
        }
        byte[] page = frame;
        if (page == null) {
            status = DEVICE;
            physicalAddress = pa;
            return 0;
        }
        MemoryWatch w = watch;
        if (w != null && w.watchesPage(va, pa, Access.LOAD)) {
            // A watched page: reported, and never cached in the micro TLB.
            long v = read(page, offset, size);
            w.accessed(context, va, pa, size, true, false, v, v);
            status = OK;
            return v;
        }
        if (perms != Pmp.NOT_UNIFORM && (perms & Pmp.R) != 0) {
            int m = modeIndex(priv);
            int i = (int) (va >>> 12) & TLB_MASK;
            readTags[m][i] = va >>> 12;
            readPages[m][i] = page;
        }
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
        slowAccesses++;
        long pa = translate(va, Access.STORE, priv);
        if (pa == -1) {
            return;
        }
        int perms = pmp.pagePermissions(pa & ~0xfffL, priv);
        if ((accessPermissions(perms, pa, size, priv) & Pmp.W) == 0) {
            fault(CAUSE_STORE_ACCESS, va);
            return;
        }
        byte[] page = frame;
        if (page == null) {
            status = DEVICE;
            physicalAddress = pa;
            return;
        }
        boolean watched = engine != null && engine.writeProtected(pa);
        MemoryWatch w = watch;
        boolean dataWatched = w != null && w.watchesPage(va, pa, Access.STORE);
        long before = dataWatched ? read(page, offset, size) : 0;
        if (watched) {
            writePageTable(pa, page, offset, size, value);
        } else {
            write(page, offset, size, value);
        }
        if (dataWatched) {
            w.accessed(context, va, pa, size, false, true, before, read(page, offset, size));
        }
        if (code.hasCode(pa)) {
            code.codeWritten(pa);
            codeChanged = true;
        } else if (!watched && !dataWatched) {
            if (perms != Pmp.NOT_UNIFORM && (perms & Pmp.W) != 0) {
                int m = modeIndex(priv);
                int i = (int) (va >>> 12) & TLB_MASK;
                writeTags[m][i] = va >>> 12;
                writePages[m][i] = page;
            }
        }
        status = OK;
    }

    /**
     * PMP's answer for an access of {@code size} bytes at {@code pa} inside one page, given the page's answer
     * ({@code pagePerms}): when one entry governs the whole page it governs the access too.
     */
    private int accessPermissions(int pagePerms, long pa, int size, int priv) {
        return pagePerms != Pmp.NOT_UNIFORM ? pagePerms : pmp.permissions(pa, size, priv);
    }

    /**
     * Writes one byte of guest-physical RAM for a debugger, outside any access rules, as a device would: a
     * page-table page the engine watches still reports the PTE it changed, so shadows stay coherent.
     * False if {@code pa} is not RAM.
     */
    public boolean writePhysicalByte(long pa, byte value) {
        byte[] page = ram.page(pa);
        if (page == null) {
            return false;
        }
        int offset = (int) pa & 0xfff;
        if (engine != null && engine.writeProtected(pa)) {
            writePageTable(pa, page, offset, 1, value);
        } else {
            page[offset] = value;
        }
        return true;
    }

    /** A store into a page-table page the engine watches: the engine hears every PTE it changed. */
    private void writePageTable(long pa, byte[] page, int offset, int size, long value) {
        int first = offset & ~7;
        int last = (offset + size - 1) & ~7;
        long old0 = read(page, first, 8);
        long old1 = last != first ? read(page, last, 8) : 0;
        write(page, offset, size, value);
        long base = pa & ~0xfffL;
        engine.pageTableWritten(context, base + first, old0, read(page, first, 8));
        if (last != first) {
            engine.pageTableWritten(context, base + last, old1, read(page, last, 8));
        }
    }

    /**
     * Checks that an atomic access of {@code size} bytes at {@code va} may read and write RAM and returns the
     * host frame, or null with {@link #status} set ({@link #FAULT}: store/AMO page or access fault;
     * atomics on devices are not supported and fault too, as on QEMU). The caller calls {@link #afterAtomic}
     * once it has written.
     */
    public byte[] atomicFrame(long va, int size, int priv) {
        atomicPteAddress = -1;
        atomicWatchVa = -1;
        long pa = translate(va, Access.STORE, priv);
        if (pa == -1) {
            return null;
        }
        int perms = pmp.permissions(pa, size, priv);
        byte[] page = (perms & (Pmp.R | Pmp.W)) == (Pmp.R | Pmp.W) ? frame : null;
        if (page == null) {
            fault(CAUSE_STORE_ACCESS, va);
            return null;
        }
        if (code.hasCode(pa)) {
            code.codeWritten(pa);
            codeChanged = true;
        }
        if (engine != null && engine.writeProtected(pa)) {
            atomicPteAddress = pa & ~7L;
            atomicOldPte = read(page, (int) atomicPteAddress & 0xfff, 8);
        }
        MemoryWatch w = watch;
        if (w != null && (w.watchesPage(va, pa, Access.LOAD) || w.watchesPage(va, pa, Access.STORE))) {
            atomicWatchVa = va;
            atomicWatchPa = pa;
            atomicWatchSize = size;
            atomicWatchBefore = read(page, (int) va & 0xfff, size);
        }
        status = OK;
        return page;
    }

    /**
     * After the atomic access {@link #atomicFrame} allowed: tells the engine if it changed a watched PTE, and
     * the debugger's watch if it touched a watched page.
     */
    public void afterAtomic() {
        if (atomicPteAddress != -1) {
            long address = atomicPteAddress;
            atomicPteAddress = -1;
            byte[] page = ram.page(address);
            engine.pageTableWritten(context, address, atomicOldPte, read(page, (int) address & 0xfff, 8));
        }
        if (atomicWatchVa != -1) {
            long va = atomicWatchVa;
            atomicWatchVa = -1;
            byte[] page = ram.page(atomicWatchPa);
            watch.accessed(context, va, atomicWatchPa, atomicWatchSize, true, true, atomicWatchBefore,
                    read(page, (int) va & 0xfff, atomicWatchSize));
        }
    }

    /**
     * Translates {@code va} for {@code access} by privilege {@code priv} (data accesses pass the MPRV-effective
     * one): the guest-physical address, with {@link #frame} and {@link #leafFlags} set; or -1 with the fault
     * set. PMP on the final address is the caller's check (it knows the access size).
     */
    private long translate(long va, int access, int priv) {
        long satp = context == null ? 0 : context.satp();
        if (priv == PRIV_M || Satp.mode(satp) == Satp.MODE_BARE || engine == null) {
            leafFlags = (int) (Pte.R | Pte.W | Pte.X | Pte.A | Pte.D);
            if (engine == null) {
                frame = ram.page(va);
                return va;
            }
            // Untranslated accesses are cached too, so nested paging walks its G-stage table once per page.
            long page = va >>> 12;
            int i = tlb.lookup(page, Tlb.BARE);
            if (i >= 0) {
                frame = tlb.frame(i);
            } else {
                frame = engine.physicalFrame(context, va);
                tlb.insertMissing(page, Tlb.BARE, page, frame, leafFlags | (frame == null ? Tlb.DEVICE : 0), 0);
            }
            return va;
        }
        long mstatus = context.mstatus();
        boolean sum = (mstatus & MSTATUS_SUM) != 0;
        boolean mxr = (mstatus & MSTATUS_MXR) != 0;
        long vpn = va >>> 12;
        int asid = Satp.asid(satp);
        int i = tlb.lookup(vpn, asid);
        boolean missing = i < 0;
        if (!missing) {
            int flags = tlb.flags(i);
            if (Access.permitted(flags, access, priv, sum, mxr) && (access != Access.STORE || (flags & Pte.D) != 0)) {
                frame = tlb.frame(i);
                leafFlags = flags;
                return (tlb.gpaPage(i) << 12) | (va & 0xfff);
            }
            // The entry lacks what this access needs (perhaps only D): the walk decides.
            tlb.hitWasMiss();
        }
        int outcome = engine.translate(context, walk, pmp, va, access, priv, satp, mstatus, result);
        if (outcome != PageWalk.OK) {
            return fault(walk.cause, va);
        }
        frame = result.frame;
        leafFlags = (int) result.flags & 0xff;
        int entryFlags = leafFlags | (frame == null ? Tlb.DEVICE : 0);
        if (missing) {
            tlb.insertMissing(vpn, asid, result.gpa >>> 12, frame, entryFlags, result.level);
        } else {
            tlb.insert(vpn, asid, result.gpa >>> 12, frame, entryFlags, result.level);
        }
        return result.gpa;
    }

    /**
     * Translates {@code va} for a debugger or a tool, without side effects on A/D bits, TLBs or counters:
     * the guest-physical address, or -1 when the guest's table does not map it for {@code priv}.
     */
    public long probe(long va, int access, int priv) {
        long satp = context == null ? 0 : context.satp();
        if (priv == PRIV_M || Satp.mode(satp) == Satp.MODE_BARE || engine == null) {
            return va;
        }
        PageWalk probe = new PageWalk();
        int outcome = probe.walk(va, access, priv, satp, context.mstatus(), null, ram::page, false);
        return outcome == PageWalk.OK ? probe.gpa : -1;
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
        // Translate and check every byte first so that a fault leaves memory untouched.
        for (int i = 0; i < size; i++) {
            long a = va + i;
            long pa = translate(a, Access.STORE, priv);
            if (pa == -1) {
                return;
            }
            if ((pmp.permissions(pa, 1, priv) & Pmp.W) == 0 || frame == null) {
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

    /** Slow-path data accesses (micro TLB misses). */
    public long tlbMisses() {
        return slowAccesses;
    }
}
