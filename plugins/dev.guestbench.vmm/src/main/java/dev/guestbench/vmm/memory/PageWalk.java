package dev.guestbench.vmm.memory;

/**
 * The guest's own page-table walk, as the privileged spec 1.12 defines it for Sv39 and Sv48: the one
 * definition of guest-visible translation that both paging modes run (shadow paging on a shadow miss, nested
 * paging on every TLB miss). Where the table's memory lies is the mode's business: a {@link PteMemory} maps
 * each PTE's guest-physical address to host memory (directly, or through the G-stage table) and counts the
 * references it makes. A/D bits are set by the walk as QEMU's virt does (no fault for them).
 */
public final class PageWalk {

    /** Outcome: translated; see {@link #gpa}. */
    public static final int OK = 0;
    /** Outcome: a page fault ({@link #cause}). */
    public static final int PAGE_FAULT = 1;
    /** Outcome: an access fault: PMP or a PTE outside RAM ({@link #cause}). */
    public static final int ACCESS_FAULT = 2;

    /** Where the walk finds a PTE's bytes. */
    public interface PteMemory {
        /** The host frame of the RAM page holding guest-physical {@code gpa}, or null if it is not RAM. */
        byte[] pteFrame(long gpa);
    }

    private static final int PRIV_S = 1;

    /** The translated guest-physical address (when OK). */
    public long gpa;
    /** The leaf PTE as the walk left it (A/D set). */
    public long pte;
    /** The leaf's level (0 = 4 KiB). */
    public int level;
    /** The guest-physical address of the leaf PTE. */
    public long pteAddress;
    /** The exception cause when the walk failed. */
    public int cause;
    /** Guest-physical address of the table the walk read at each level (index = level). */
    public final long[] tables = new long[5];
    /** Levels of the scheme walked. */
    public int levels;
    /** PTEs the last walk read. */
    public int references;

    /**
     * Walks {@code satp}'s table for {@code va}.
     *
     * @param priv the effective privilege (0 U, 1 S)
     * @param update whether to set A/D as hardware does (false: inspect only, nothing changes)
     * @return {@link #OK}, {@link #PAGE_FAULT} or {@link #ACCESS_FAULT}
     */
    public int walk(long va, int access, int priv, long satp, long mstatus, Pmp pmp, PteMemory memory,
            boolean update) {
        int mode = Satp.mode(satp);
        levels = Satp.levels(mode);
        references = 0;
        if (!canonical(va, levels)) {
            // Not sign-extended from the top VA bit.
            return pageFault(access);
        }
        references = 0;
        long table = Satp.rootPpn(satp) << 12;
        for (int i = levels - 1; i >= 0; i--) {
            tables[i] = table;
            long address = table + ((va >>> (12 + 9 * i)) & 0x1ff) * 8;
            // The walk's own reads are S-mode accesses for PMP.
            if (pmp != null && (pmp.permissions(address, 8, PRIV_S) & Pmp.R) == 0) {
                return accessFault(access);
            }
            byte[] frame = memory.pteFrame(address);
            if (frame == null) {
                return accessFault(access);
            }
            int offset = (int) address & 0xfff;
            long entry = Mmu.read(frame, offset, 8);
            references++;
            if ((entry & Pte.V) == 0 || (entry & (Pte.R | Pte.W)) == Pte.W || (entry & Pte.RESERVED) != 0) {
                return pageFault(access);
            }
            if (!Pte.isLeaf(entry)) {
                table = Pte.ppn(entry) << 12;
                continue;
            }
            boolean sum = (mstatus & (1L << 18)) != 0;
            boolean mxr = (mstatus & (1L << 19)) != 0;
            // Dirty is the walk's business, not a permission, so ask with D assumed.
            if (!Access.permitted(entry | Pte.D, access, priv, sum, mxr)) {
                return pageFault(access);
            }
            long ppn = Pte.ppn(entry);
            long lowMask = (1L << (9 * i)) - 1;
            if ((ppn & lowMask) != 0) {
                // A misaligned superpage.
                return pageFault(access);
            }
            long updated = entry | Pte.A | (access == Access.STORE ? Pte.D : 0);
            if (update && updated != entry) {
                Mmu.write(frame, offset, 8, updated);
                entry = updated;
            }
            pte = entry;
            level = i;
            pteAddress = address;
            gpa = ((ppn | ((va >>> 12) & lowMask)) << 12) | (va & 0xfff);
            return OK;
        }
        return pageFault(access);
    }

    /** Whether {@code va} is sign-extended from the top bit a scheme of {@code levels} levels translates. */
    public static boolean canonical(long va, int levels) {
        int vaBits = 12 + 9 * levels;
        return (va << (64 - vaBits)) >> (64 - vaBits) == va;
    }

    private int pageFault(int access) {
        cause = Access.pageFault(access);
        return PAGE_FAULT;
    }

    private int accessFault(int access) {
        cause = Access.accessFault(access);
        return ACCESS_FAULT;
    }
}
