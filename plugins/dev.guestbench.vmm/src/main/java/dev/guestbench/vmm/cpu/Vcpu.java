package dev.guestbench.vmm.cpu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import dev.guestbench.vmm.cpu.fp.FloatUnit;
import dev.guestbench.vmm.memory.Mmu;
import dev.guestbench.vmm.memory.MmuContext;
import dev.guestbench.vmm.memory.PagingExit;

/**
 * A virtual hart: its state, its MMU, and the interpreter that runs unprivileged instructions from the
 * decoded-instruction cache. Everything else (CSRs, xRET, WFI, SFENCE.VMA, ECALL, EBREAK, device accesses,
 * exceptions, interrupts) leaves the loop through the {@link ExitPort}.
 *
 * <p>The loop keeps the pc, the retired count and the current page's decoded arrays in locals and reaches
 * memory through the MMU's TLB arrays directly; it allocates nothing.
 */
public final class Vcpu implements MmuContext {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int FETCH_SIZE = 64;
    private static final int FETCH_MASK = FETCH_SIZE - 1;

    /** mstatus bits the interpreter needs. */
    private static final long MSTATUS_MPRV = 1L << 17;
    private static final long MSTATUS_FS = 3L << 13;

    /** Interpreted runs of a slot after which the block starting there is translated. */
    private static final int TRANSLATION_THRESHOLD = 40;

    /** The architectural state. */
    public final HartState state;
    /** Read TLB tags of the current data mode, for translated blocks. */
    public long[] jitReadTags;
    /** Read TLB frames of the current data mode, for translated blocks. */
    public byte[][] jitReadPages;
    /** Write TLB tags of the current data mode, for translated blocks. */
    public long[] jitWriteTags;
    /** Write TLB frames of the current data mode, for translated blocks. */
    public byte[][] jitWritePages;
    /** Set by a translated block: how many instructions its run retired. */
    public int jitRetired;
    /**
     * Set by {@link #jitLoad} or {@link #jitStore}: the block must end after that access (it trapped, reached a
     * device, changed code, or a stop was asked for). The block then leaves {@code ~retired} in
     * {@link #jitRetired} and {@link #afterJitExit} finishes the instruction.
     */
    public boolean jitExit;
    /** The privilege the running block's data accesses use. */
    private int jitDataPriv;
    /** The MMU (TLBs, PMP). */
    public final Mmu mmu;
    /** The floating-point unit (accrued flags). */
    public final FloatUnit fpu = new FloatUnit();
    /** Set by an exit handler that delivered a trap: the current instruction does not retire. */
    public boolean trapped;
    /** Set by anyone who wants the hart to leave its loop at the next instruction (power off, pause). */
    public volatile boolean stopRequested;
    /** A debugger's breakpoints, or null when none are set (set only while the vCPU does not run). */
    public BreakpointHook breakpoints;

    private final ExitPort exits;
    private final DecodeCache decodeCache;
    /** Translates hot blocks, or null to interpret everything. */
    private final BlockCompiler compiler;
    private final FpExecutor fp;
    private final AtomicExecutor atomics;
    private final long[] fetchTags = new long[FETCH_SIZE];
    private final DecodedPage[] fetchPages = new DecodedPage[FETCH_SIZE];
    private int fetchPriv = -1;
    /** The whole word of the page-straddling instruction being executed. */
    private int crossWord;
    /** Set by the slow paths when an access went to a device: the interpreter then leaves its block. */
    private boolean deviceAccess;
    /** Instructions of the current run that trapped instead of retiring. */
    private long faultedSteps;

    public Vcpu(HartState state, Mmu mmu, DecodeCache decodeCache, ExitPort exits, BlockCompiler compiler) {
        this.state = state;
        this.mmu = mmu;
        this.decodeCache = decodeCache;
        this.exits = exits;
        this.compiler = compiler;
        this.fp = new FpExecutor(this);
        this.atomics = new AtomicExecutor(this);
        decodeCache.attach(this, mmu);
        mmu.bind(this, this::flushFetch, this::flushFetchPage);
        Arrays.fill(fetchTags, -1);
    }

    @Override
    public int hartId() {
        return state.hartId;
    }

    @Override
    public long satp() {
        return state.satp;
    }

    @Override
    public long mstatus() {
        return state.mstatus;
    }

    @Override
    public void pagingExit(PagingExit kind, long va, long detail) {
        exits.pagingExit(this, kind, va, detail);
    }

    /** Forgets the cached fetch pages (privilege, PMP or translation changed). */
    public void flushFetch() {
        Arrays.fill(fetchTags, -1);
        Arrays.fill(fetchPages, null);
    }

    /** Forgets the cached fetch page of virtual page {@code vpn} (a fence of that page). */
    public void flushFetchPage(long vpn) {
        int i = (int) vpn & FETCH_MASK;
        if (fetchTags[i] == vpn) {
            fetchTags[i] = -1;
            fetchPages[i] = null;
        }
    }

    /** Forgets one decoded page that the guest overwrote. */
    void forgetFetchPage(DecodedPage page) {
        for (int i = 0; i < FETCH_SIZE; i++) {
            if (fetchPages[i] == page) {
                fetchPages[i] = null;
                fetchTags[i] = -1;
            }
        }
    }

    /** The privilege data accesses use: MPP when M-mode sets MPRV, else the current one. */
    public int dataPriv() {
        HartState s = state;
        return s.priv == HartState.PRIV_M && (s.mstatus & MSTATUS_MPRV) != 0 ? (int) (s.mstatus >>> 11) & 3 : s.priv;
    }

    /**
     * Runs at most {@code budget} instructions; returns early when the hart waits for an interrupt or a stop
     * is requested. Returns the number of steps taken: instructions retired plus instructions that trapped.
     *
     * <p>The outer loop enters a page (fetch permission, decoded page, checks of stop and WFI); the inner
     * loop runs that page's instructions until control leaves the page or an exit needs the outer loop
     * again. Straight-line code and loops within a page pay only the instruction itself.
     */
    public long run(long budget) {
        final HartState s = state;
        final long[] x = s.x;
        final long startRetired = s.retired;
        long limit = startRetired + budget;
        faultedSteps = 0;
        trapped = false;
        exits.interrupt(this);
        trapped = false;
        long pc = s.pc;
        long retired = s.retired;

        outer:
        while (true) {
            // An instruction that traps does not retire but still uses up the budget, so that a guest in a
            // loop of faults ends at the instruction limit too.
            limit = startRetired + budget - faultedSteps;
            if (retired >= limit || s.waitingForInterrupt || !s.running || stopRequested) {
                break;
            }
            s.pc = pc;
            s.retired = retired;
            BreakpointHook hook = breakpoints;
            if (hook != null) {
                if (hook.stopBefore(this, pc)) {
                    break;
                }
                if (hook.watchesPage(pc)) {
                    // One instruction per pass of the outer loop, so each one meets the check above.
                    limit = retired + 1;
                }
            }
            DecodedPage page = fetchPage(pc);
            if (page == null) {
                // The fetch faulted and the trap was delivered.
                trapped = false;
                faultedSteps++;
                pc = s.pc;
                continue;
            }
            final int dataPriv = dataPriv();
            final int dataMode = Mmu.modeIndex(dataPriv);
            final long[] rTags = mmu.readTags[dataMode];
            final byte[][] rPages = mmu.readPages[dataMode];
            final long[] wTags = mmu.writeTags[dataMode];
            final byte[][] wPages = mmu.writePages[dataMode];
            final long[] slots = page.slots;
            final CompiledBlock[] blocks = page.blocks;
            final long pageBase = pc & ~0xfffL;
            jitReadTags = rTags;
            jitReadPages = rPages;
            jitWriteTags = wTags;
            jitWritePages = wPages;
            jitDataPriv = dataPriv;
            boolean interpretNext = false;

            while (retired < limit) {
                int slot = (int) (pc >>> 1) & (DecodedPage.SLOTS - 1);
                CompiledBlock block = blocks[slot];
                if (block == null) {
                    if (compiler != null && ++page.heat[slot] == TRANSLATION_THRESHOLD) {
                        blocks[slot] = compiler.compile(page, slot);
                    }
                } else if (!interpretNext && limit - retired >= block.length) {
                    pc = block.run(this, x, pageBase, retired);
                    int done = jitRetired;
                    if (done < 0) {
                        // A slow path inside the block ended it after its access.
                        pc = afterJitExit(pc, retired + ~done);
                        retired = s.retired;
                        continue outer;
                    }
                    retired += done;
                    // A block that stopped early left its next instruction to the slow path below.
                    interpretNext = done < block.length;
                    if (Long.compareUnsigned(pc - pageBase, 4096) >= 0) {
                        continue outer;
                    }
                    continue;
                }
                interpretNext = false;
                long decoded = slots[slot];
                if (decoded == 0) {
                    decoded = page.decode(slot);
                }
                int w = (int) decoded;
                int imm = (int) (decoded >> 32);
                if ((w & 0xff) == Op.CROSS_PAGE) {
                    s.pc = pc;
                    s.retired = retired;
                    int word = crossPageWord(pc);
                    if (trapped) {
                        trapped = false;
                        faultedSteps++;
                        pc = s.pc;
                        continue outer;
                    }
                    // Decoded on every execution: its halves live in two pages that change independently.
                    w = DecodedPage.pack(word);
                    imm = DecodedPage.immediate(w, word);
                }
                int rd = (w >>> 8) & 31;
                int rs1 = (w >>> 13) & 31;
                int rs2 = (w >>> 18) & 31;
                long next = pc + (w < 0 ? 2 : 4);
                switch (w & 0xff) {
                    case Op.ADDI -> x[rd] = x[rs1] + imm;
                    case Op.ADD -> x[rd] = x[rs1] + x[rs2];
                    case Op.LD -> {
                        long a = x[rs1] + imm;
                        int i = (int) (a >>> 12) & Mmu.TLB_MASK;
                        int offset = (int) a & 0xfff;
                        if (rTags[i] == (a >>> 12) && offset <= 4088) {
                            x[rd] = (long) LONG.get(rPages[i], offset);
                            x[0] = 0;
                        } else {
                            s.pc = pc;
                            s.retired = retired;
                            if (!slowLoad(a, 8, Op.LD, rd, dataPriv, bits(page, slot))) {
                                pc = leaveBlock(next);
                                retired = s.retired;
                                continue outer;
                            }
                        }
                    }
                    case Op.SD -> {
                        long a = x[rs1] + imm;
                        int i = (int) (a >>> 12) & Mmu.TLB_MASK;
                        int offset = (int) a & 0xfff;
                        if (wTags[i] == (a >>> 12) && offset <= 4088) {
                            LONG.set(wPages[i], offset, x[rs2]);
                        } else if (!slowStoreAt(s, pc, retired, a, 8, x[rs2], dataPriv, bits(page, slot), page)) {
                            pc = leaveBlock(next);
                            retired = s.retired;
                            continue outer;
                        }
                    }
                    case Op.LW -> {
                        long a = x[rs1] + imm;
                        int i = (int) (a >>> 12) & Mmu.TLB_MASK;
                        int offset = (int) a & 0xfff;
                        if (rTags[i] == (a >>> 12) && offset <= 4092) {
                            x[rd] = (int) INT.get(rPages[i], offset);
                            x[0] = 0;
                        } else {
                            s.pc = pc;
                            s.retired = retired;
                            if (!slowLoad(a, 4, Op.LW, rd, dataPriv, bits(page, slot))) {
                                pc = leaveBlock(next);
                                retired = s.retired;
                                continue outer;
                            }
                        }
                    }
                    case Op.SW -> {
                        long a = x[rs1] + imm;
                        int i = (int) (a >>> 12) & Mmu.TLB_MASK;
                        int offset = (int) a & 0xfff;
                        if (wTags[i] == (a >>> 12) && offset <= 4092) {
                            INT.set(wPages[i], offset, (int) x[rs2]);
                        } else if (!slowStoreAt(s, pc, retired, a, 4, x[rs2], dataPriv, bits(page, slot), page)) {
                            pc = leaveBlock(next);
                            retired = s.retired;
                            continue outer;
                        }
                    }
                    case Op.LBU -> {
                        long a = x[rs1] + imm;
                        int i = (int) (a >>> 12) & Mmu.TLB_MASK;
                        if (rTags[i] == (a >>> 12)) {
                            x[rd] = rPages[i][(int) a & 0xfff] & 0xffL;
                            x[0] = 0;
                        } else {
                            s.pc = pc;
                            s.retired = retired;
                            if (!slowLoad(a, 1, Op.LBU, rd, dataPriv, bits(page, slot))) {
                                pc = leaveBlock(next);
                                retired = s.retired;
                                continue outer;
                            }
                        }
                    }
                    case Op.SB -> {
                        long a = x[rs1] + imm;
                        int i = (int) (a >>> 12) & Mmu.TLB_MASK;
                        if (wTags[i] == (a >>> 12)) {
                            wPages[i][(int) a & 0xfff] = (byte) x[rs2];
                        } else if (!slowStoreAt(s, pc, retired, a, 1, x[rs2], dataPriv, bits(page, slot), page)) {
                            pc = leaveBlock(next);
                            retired = s.retired;
                            continue outer;
                        }
                    }
                    case Op.LB, Op.LH, Op.LHU, Op.LWU -> {
                        long a = x[rs1] + imm;
                        int op = w & 0xff;
                        int size = op == Op.LB ? 1 : op == Op.LWU ? 4 : 2;
                        int i = (int) (a >>> 12) & Mmu.TLB_MASK;
                        int offset = (int) a & 0xfff;
                        if (rTags[i] == (a >>> 12) && offset <= 4096 - size) {
                            byte[] p = rPages[i];
                            x[rd] = switch (op) {
                                case Op.LB -> p[offset];
                                case Op.LH -> (short) SHORT.get(p, offset);
                                case Op.LHU -> (short) SHORT.get(p, offset) & 0xffffL;
                                default -> (int) INT.get(p, offset) & 0xffff_ffffL;
                            };
                            x[0] = 0;
                        } else {
                            s.pc = pc;
                            s.retired = retired;
                            if (!slowLoad(a, size, op, rd, dataPriv, bits(page, slot))) {
                                pc = leaveBlock(next);
                                retired = s.retired;
                                continue outer;
                            }
                        }
                    }
                    case Op.SH -> {
                        long a = x[rs1] + imm;
                        int i = (int) (a >>> 12) & Mmu.TLB_MASK;
                        int offset = (int) a & 0xfff;
                        if (wTags[i] == (a >>> 12) && offset <= 4094) {
                            SHORT.set(wPages[i], offset, (short) x[rs2]);
                        } else if (!slowStoreAt(s, pc, retired, a, 2, x[rs2], dataPriv, bits(page, slot), page)) {
                            pc = leaveBlock(next);
                            retired = s.retired;
                            continue outer;
                        }
                    }
                    case Op.LUI -> x[rd] = imm;
                    case Op.AUIPC -> x[rd] = pc + imm;
                    case Op.JAL -> {
                        x[rd] = next;
                        next = pc + imm;
                    }
                    case Op.JAL_X0 -> next = pc + imm;
                    case Op.JALR -> {
                        long target = (x[rs1] + imm) & ~1L;
                        x[rd] = next;
                        next = target;
                    }
                    case Op.JALR_X0 -> next = (x[rs1] + imm) & ~1L;
                    case Op.BEQ -> next = x[rs1] == x[rs2] ? pc + imm : next;
                    case Op.BNE -> next = x[rs1] != x[rs2] ? pc + imm : next;
                    case Op.BLT -> next = x[rs1] < x[rs2] ? pc + imm : next;
                    case Op.BGE -> next = x[rs1] >= x[rs2] ? pc + imm : next;
                    case Op.BLTU -> next = Long.compareUnsigned(x[rs1], x[rs2]) < 0 ? pc + imm : next;
                    case Op.BGEU -> next = Long.compareUnsigned(x[rs1], x[rs2]) >= 0 ? pc + imm : next;
                    case Op.SLTI -> x[rd] = x[rs1] < imm ? 1 : 0;
                    case Op.SLTIU -> x[rd] = Long.compareUnsigned(x[rs1], imm) < 0 ? 1 : 0;
                    case Op.XORI -> x[rd] = x[rs1] ^ imm;
                    case Op.ORI -> x[rd] = x[rs1] | imm;
                    case Op.ANDI -> x[rd] = x[rs1] & imm;
                    case Op.SLLI -> x[rd] = x[rs1] << imm;
                    case Op.SRLI -> x[rd] = x[rs1] >>> imm;
                    case Op.SRAI -> x[rd] = x[rs1] >> imm;
                    case Op.SUB -> x[rd] = x[rs1] - x[rs2];
                    case Op.SLL -> x[rd] = x[rs1] << x[rs2];
                    case Op.SLT -> x[rd] = x[rs1] < x[rs2] ? 1 : 0;
                    case Op.SLTU -> x[rd] = Long.compareUnsigned(x[rs1], x[rs2]) < 0 ? 1 : 0;
                    case Op.XOR -> x[rd] = x[rs1] ^ x[rs2];
                    case Op.SRL -> x[rd] = x[rs1] >>> x[rs2];
                    case Op.SRA -> x[rd] = x[rs1] >> x[rs2];
                    case Op.OR -> x[rd] = x[rs1] | x[rs2];
                    case Op.AND -> x[rd] = x[rs1] & x[rs2];
                    case Op.ADDIW -> x[rd] = (int) (x[rs1] + imm);
                    case Op.SLLIW -> x[rd] = (int) x[rs1] << imm;
                    case Op.SRLIW -> x[rd] = (int) x[rs1] >>> imm;
                    case Op.SRAIW -> x[rd] = (int) x[rs1] >> imm;
                    case Op.ADDW -> x[rd] = (int) (x[rs1] + x[rs2]);
                    case Op.SUBW -> x[rd] = (int) (x[rs1] - x[rs2]);
                    case Op.SLLW -> x[rd] = (int) x[rs1] << (x[rs2] & 31);
                    case Op.SRLW -> x[rd] = (int) x[rs1] >>> (x[rs2] & 31);
                    case Op.SRAW -> x[rd] = (int) x[rs1] >> (x[rs2] & 31);
                    case Op.MUL -> x[rd] = x[rs1] * x[rs2];
                    case Op.MULH -> x[rd] = Math.multiplyHigh(x[rs1], x[rs2]);
                    case Op.MULHU -> x[rd] = Math.unsignedMultiplyHigh(x[rs1], x[rs2]);
                    case Op.MULHSU -> x[rd] = IntegerOps.mulhsu(x[rs1], x[rs2]);
                    case Op.MULW -> x[rd] = (int) x[rs1] * (int) x[rs2];
                    case Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW ->
                        x[rd] = IntegerOps.divide(w & 0xff, x[rs1], x[rs2]);
                    case Op.NOP, Op.FENCE, Op.FENCE_TSO, Op.FENCE_I -> {
                        // FENCE: one hart runs at a time, so there is nothing to order. FENCE.I: stores to
                        // code pages already dropped their decodings, so nothing is stale.
                    }
                    case Op.CSRRW, Op.CSRRS, Op.CSRRC, Op.CSRRWI, Op.CSRRSI, Op.CSRRCI -> {
                        s.pc = pc;
                        s.retired = retired;
                        // A stop asked for during the exit (a debugger's trap breakpoint) ends the block here.
                        if (!exits.csr(this, w & 0xff, rd, rs1, imm & 0xfff, bits(page, slot)) || stopRequested) {
                            pc = afterSystem();
                            retired = s.retired;
                            continue outer;
                        }
                        // Only registers changed: go straight on to the next instruction.
                    }
                    case Op.ECALL, Op.EBREAK, Op.MRET, Op.SRET, Op.WFI, Op.SFENCE_VMA, Op.ILLEGAL -> {
                        s.pc = pc;
                        s.retired = retired;
                        system(w, imm, bits(page, slot));
                        pc = afterSystem();
                        retired = s.retired;
                        continue outer;
                    }
                    default -> {
                        // Atomics and floating point, off the main loop to keep it small enough for the JIT.
                        s.pc = pc;
                        s.retired = retired;
                        int op = w & 0xff;
                        boolean ok = op >= Op.LR_W && op <= Op.AMOMAXU_D
                                ? atomics.execute(w, bits(page, slot), dataPriv)
                                : fp.execute(w, imm, bits(page, slot), dataPriv);
                        if (!ok) {
                            trapped = false;
                            deviceAccess = false;
                            faultedSteps++;
                            pc = s.pc;
                            continue outer;
                        }
                        if (mmu.codeChanged || deviceAccess || stopRequested) {
                            mmu.codeChanged = false;
                            pc = leaveBlock(next);
                            retired = s.retired;
                            continue outer;
                        }
                    }
                }
                pc = next;
                retired++;
                if (Long.compareUnsigned(pc - pageBase, 4096) >= 0) {
                    continue outer;
                }
            }
        }
        s.pc = pc;
        s.retired = retired;
        return retired - startRetired + faultedSteps;
    }

    /**
     * A load that missed the TLB. Returns true when it read RAM and the block goes on. Returns false when
     * the block must end: a trap was delivered (the state holds the handler's pc), the load reached a
     * device (rd is written; a device access can stop the machine or raise an interrupt) or a stop was
     * asked for, which
     * {@link #leaveBlock} then tells apart.
     */
    private boolean slowLoad(long a, int size, int op, int rd, int priv, int bits) {
        long v = slowLoad(a, size, priv, bits);
        if (trapped) {
            return false;
        }
        state.x[rd] = extendLoad(op, v);
        state.x[0] = 0;
        // stopRequested: the load hit a debugger's watchpoint, which stops the hart right after it.
        return !deviceAccess && !stopRequested;
    }

    /**
     * A store that missed the TLB. Returns true when it wrote RAM and the block goes on; false when the
     * block must end: a trap, a device access, or a store that changed this very page's code.
     */
    private boolean slowStoreAt(HartState s, long pc, long retired, long a, int size, long v, int priv, int bits,
            DecodedPage page) {
        s.pc = pc;
        s.retired = retired;
        slowStore(a, size, v, priv, bits);
        mmu.codeChanged = false;
        // stopRequested: the store changed a watched page table and a debugger wants the hart to stop after it.
        return !trapped && !deviceAccess && page.valid && !stopRequested;
    }

    /**
     * A translated block's load that the micro TLB did not cover (at {@code pc}, with {@code retired}
     * instructions retired before it): done through the slow path like the interpreter's. Returns the value for rd (on a trap,
     * {@code old}: rd keeps its value) and sets {@link #jitExit} when the block must end after it.
     */
    public long jitLoad(long address, int op, long pc, int bits, long retired, long old) {
        HartState s = state;
        s.pc = pc;
        s.retired = retired;
        long v = slowLoad(address, loadSize(op), jitDataPriv, bits);
        if (trapped) {
            jitExit = true;
            return old;
        }
        if (deviceAccess || stopRequested) {
            jitExit = true;
        }
        return extendLoad(op, v);
    }

    /** A translated block's store that the micro TLB did not cover; see {@link #jitLoad}. */
    public void jitStore(long address, int size, long value, long pc, int bits, long retired) {
        HartState s = state;
        s.pc = pc;
        s.retired = retired;
        slowStore(address, size, value, jitDataPriv, bits);
        // A store that changed decoded code may have changed this very block.
        if (trapped || deviceAccess || mmu.codeChanged || stopRequested) {
            jitExit = true;
        }
    }

    /**
     * Where to continue after a block's slow path ended it: the trap handler if the access trapped (it does
     * not retire), else {@code next} (the block counted the access as retired, in {@code retired}) once any
     * interrupt the access raised has been taken.
     */
    private long afterJitExit(long next, long retired) {
        HartState s = state;
        jitExit = false;
        deviceAccess = false;
        mmu.codeChanged = false;
        if (trapped) {
            trapped = false;
            faultedSteps++;
            return s.pc;
        }
        s.pc = next;
        s.retired = retired;
        if (exits.interrupt(this)) {
            trapped = false;
        }
        return s.pc;
    }

    /**
     * Where to continue after a load or store ended the block: at the trap handler if it trapped, else
     * after the instruction (which retires), once any interrupt the access raised has been taken.
     */
    private long leaveBlock(long next) {
        HartState s = state;
        deviceAccess = false;
        if (trapped) {
            trapped = false;
            faultedSteps++;
            return s.pc;
        }
        s.pc = next;
        s.retired++;
        if (exits.interrupt(this)) {
            trapped = false;
        }
        return s.pc;
    }

    private static int loadSize(int op) {
        return switch (op) {
            case Op.LB, Op.LBU -> 1;
            case Op.LH, Op.LHU -> 2;
            case Op.LW, Op.LWU -> 4;
            default -> 8;
        };
    }

    private static long extendLoad(int op, long v) {
        return switch (op) {
            case Op.LB -> (byte) v;
            case Op.LH -> (short) v;
            case Op.LW -> (int) v;
            default -> v;
        };
    }

    /** The decoded page to fetch {@code pc} from, or null after delivering the fetch's fault. */
    private DecodedPage fetchPage(long pc) {
        int priv = state.priv;
        if (priv != fetchPriv) {
            flushFetch();
            fetchPriv = priv;
        }
        long vpn = pc >>> 12;
        int i = (int) vpn & FETCH_MASK;
        DecodedPage page = fetchPages[i];
        if (fetchTags[i] == vpn && page != null && page.valid) {
            return page;
        }
        long pa = mmu.translateFetch(pc, priv);
        if (pa == -1) {
            exits.exception(this, mmu.faultCause, mmu.faultAddress, 0);
            return null;
        }
        page = decodeCache.page(pa, mmu.fetchFrame);
        // A cross-page instruction's second half must be fetchable too; CROSS_PAGE handles that on use.
        fetchTags[i] = vpn;
        fetchPages[i] = page;
        return page;
    }

    private long slowLoad(long a, int size, int priv, int bits) {
        long v = mmu.load(a, size, priv);
        switch (mmu.status) {
            case Mmu.OK -> {
                return v;
            }
            case Mmu.DEVICE -> {
                deviceAccess = true;
                return exits.mmioRead(this, a, mmu.physicalAddress, size, bits);
            }
            default -> {
                exits.exception(this, mmu.faultCause, mmu.faultAddress, bits);
                return 0;
            }
        }
    }

    private void slowStore(long a, int size, long v, int priv, int bits) {
        mmu.store(a, size, v, priv);
        switch (mmu.status) {
            case Mmu.OK -> {
            }
            case Mmu.DEVICE -> {
                deviceAccess = true;
                exits.mmioWrite(this, a, mmu.physicalAddress, size, v, bits);
            }
            default -> exits.exception(this, mmu.faultCause, mmu.faultAddress, bits);
        }
    }

    /** Loads for the executors (atomics, FP loads): value, or a delivered trap ({@link #trapped}). */
    long load(long a, int size, int bits) {
        return slowLoad(a, size, dataPriv(), bits);
    }

    /** Stores for the executors. */
    void store(long a, int size, long v, int bits) {
        slowStore(a, size, v, dataPriv(), bits);
    }

    ExitPort exits() {
        return exits;
    }

    /** Instructions that always leave the fast path. */
    private void system(int w, int imm, int bits) {
        int op = w & 0xff;
        int rd = (w >>> 8) & 31;
        int rs1 = (w >>> 13) & 31;
        int rs2 = (w >>> 18) & 31;
        switch (op) {
            case Op.ECALL -> exits.ecall(this, bits);
            case Op.EBREAK -> exits.ebreak(this, bits);
            case Op.MRET, Op.SRET -> exits.xret(this, op, bits);
            case Op.WFI -> exits.wfi(this, bits);
            case Op.SFENCE_VMA -> exits.sfenceVma(this, rs1, rs2, bits);
            default -> exits.illegal(this, bits);
        }
    }

    /**
     * Where to continue after an exit that may have changed more than registers: the trap handler if it
     * trapped, else the next instruction (which retires), once any interrupt it made takeable is taken.
     */
    private long afterSystem() {
        HartState s = state;
        if (trapped) {
            trapped = false;
            faultedSteps++;
            return s.pc;
        }
        s.retired++;
        if (exits.interrupt(this)) {
            trapped = false;
        }
        return s.pc;
    }

    /**
     * The 32-bit instruction at {@code pc} whose second half is on the next page, or a delivered fetch fault
     * ({@link #trapped}).
     */
    private int crossPageWord(long pc) {
        long pa1 = mmu.translateFetch(pc, state.priv);
        byte[] frame1 = mmu.fetchFrame;
        long pa2 = pa1 == -1 ? -1 : mmu.translateFetch(pc + 2, state.priv);
        if (pa2 == -1) {
            exits.exception(this, mmu.faultCause, mmu.faultAddress, 0);
            return 0;
        }
        int low = (int) Mmu.read(frame1, (int) pa1 & 0xfff, 2);
        int high = (int) Mmu.read(mmu.fetchFrame, (int) pa2 & 0xfff, 2);
        crossWord = low | high << 16;
        return crossWord;
    }

    /** The raw bits of the instruction in a slot (for mtval and the trap history). */
    private int bits(DecodedPage page, int slot) {
        return ((int) page.slots[slot] & 0xff) == Op.CROSS_PAGE ? crossWord : page.bits[slot];
    }
}
