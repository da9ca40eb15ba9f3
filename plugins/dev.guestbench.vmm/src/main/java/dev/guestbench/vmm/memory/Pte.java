package dev.guestbench.vmm.memory;

/** Bits of a page-table entry in the Sv39/Sv48 format (the G-stage and our shadow tables use it too). */
public final class Pte {

    public static final long V = 1;
    public static final long R = 1 << 1;
    public static final long W = 1 << 2;
    public static final long X = 1 << 3;
    public static final long U = 1 << 4;
    public static final long G = 1 << 5;
    public static final long A = 1 << 6;
    public static final long D = 1 << 7;
    /** Bits 63..54: reserved (N, PBMT and the rest without Svnapot/Svpbmt); a set bit is a page fault. */
    public static final long RESERVED = 0x3ffL << 54;
    /** The PPN field, bits 53..10. */
    public static final long PPN_MASK = ((1L << 44) - 1) << 10;
    /** Entries in one 4 KiB table. */
    public static final int ENTRIES = 512;

    private Pte() {
    }

    /** The physical page number an entry points to. */
    public static long ppn(long pte) {
        return (pte & PPN_MASK) >>> 10;
    }

    /** An entry pointing at page {@code ppn} with the flag bits {@code flags}. */
    public static long make(long ppn, long flags) {
        return (ppn << 10) & PPN_MASK | flags;
    }

    /** Whether a valid entry is a leaf (R or X set) rather than a pointer to the next level. */
    public static boolean isLeaf(long pte) {
        return (pte & (R | X)) != 0;
    }

    /** The flags as a fixed-width string, "RWXUGAD" with '-' for clear bits (V is implied). */
    public static String flags(long pte) {
        char[] c = { 'R', 'W', 'X', 'U', 'G', 'A', 'D' };
        long[] bits = { R, W, X, U, G, A, D };
        for (int i = 0; i < c.length; i++) {
            if ((pte & bits[i]) == 0) {
                c[i] = '-';
            }
        }
        return new String(c);
    }

    /** Bytes one entry at {@code level} maps (level 0: 4 KiB, 1: 2 MiB, 2: 1 GiB, 3: 512 GiB). */
    public static long levelSize(int level) {
        return 1L << (12 + 9 * level);
    }
}
