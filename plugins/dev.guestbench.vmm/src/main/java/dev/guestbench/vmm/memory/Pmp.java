package dev.guestbench.vmm.memory;

/**
 * Physical memory protection as the privileged spec 1.12 defines it for 16 entries (OFF, TOR, NA4, NAPOT,
 * the L bit), answering which of read/write/execute an access of a given privilege may do.
 */
public final class Pmp {

    /** Permission bit: read. */
    public static final int R = 1;
    /** Permission bit: write. */
    public static final int W = 2;
    /** Permission bit: execute. */
    public static final int X = 4;
    /** All three permissions. */
    public static final int RWX = R | W | X;
    /** pagePermissions: the page is not governed by one entry alone, so it cannot be cached. */
    public static final int NOT_UNIFORM = -1;

    private static final int A_OFF = 0;
    private static final int A_TOR = 1;
    private static final int A_NA4 = 2;
    private static final int A_NAPOT = 3;
    private static final int LOCK = 0x80;
    private static final int PRIV_M = 3;

    private final byte[] cfg;
    private final long[] addr;

    /** PMP over the given configuration bytes and address registers (a hart's CSR storage). */
    public Pmp(byte[] cfg, long[] addr) {
        this.cfg = cfg;
        this.addr = addr;
    }

    /** Permissions for an access of {@code size} bytes at {@code pa} by privilege {@code priv}; 0 = none. */
    public int permissions(long pa, int size, int priv) {
        long end = pa + size;
        for (int i = 0; i < cfg.length; i++) {
            int c = cfg[i] & 0xff;
            int a = (c >>> 3) & 3;
            if (a == A_OFF) {
                continue;
            }
            long lo = low(i, a);
            long hi = high(i, a);
            if (!overlaps(pa, end, lo, hi)) {
                continue;
            }
            // The first entry that matches any byte decides; it must match every byte.
            if (Long.compareUnsigned(pa, lo) < 0 || Long.compareUnsigned(end, hi) > 0) {
                return 0;
            }
            return entryPermissions(c, priv);
        }
        return priv == PRIV_M ? RWX : 0;
    }

    /**
     * Permissions that hold for every byte of the 4 KiB page at {@code page}, or {@link #NOT_UNIFORM} when
     * different entries (or none) govern different parts of it.
     */
    public int pagePermissions(long page, int priv) {
        long end = page + 4096;
        for (int i = 0; i < cfg.length; i++) {
            int c = cfg[i] & 0xff;
            int a = (c >>> 3) & 3;
            if (a == A_OFF) {
                continue;
            }
            long lo = low(i, a);
            long hi = high(i, a);
            if (!overlaps(page, end, lo, hi)) {
                continue;
            }
            if (Long.compareUnsigned(page, lo) < 0 || Long.compareUnsigned(end, hi) > 0) {
                return NOT_UNIFORM;
            }
            return entryPermissions(c, priv);
        }
        return priv == PRIV_M ? RWX : 0;
    }

    /** Whether entry {@code i} is locked: writes to its configuration and address are ignored. */
    public boolean locked(int i) {
        return (cfg[i] & LOCK) != 0;
    }

    /** Whether writes to pmpaddr{@code i} are ignored: it is locked, or it is the top of a locked TOR entry. */
    public boolean addressLocked(int i) {
        if (locked(i)) {
            return true;
        }
        return i + 1 < cfg.length && locked(i + 1) && ((cfg[i + 1] >>> 3) & 3) == A_TOR;
    }

    private static int entryPermissions(int c, int priv) {
        // M-mode ignores entries that are not locked.
        if (priv == PRIV_M && (c & LOCK) == 0) {
            return RWX;
        }
        return c & RWX;
    }

    private long low(int i, int a) {
        return switch (a) {
            case A_TOR -> i == 0 ? 0 : addr[i - 1] << 2;
            case A_NA4 -> addr[i] << 2;
            default -> {
                long trailing = Long.numberOfTrailingZeros(~addr[i]);
                yield trailing >= 62 ? 0 : (addr[i] & ~((1L << trailing) - 1)) << 2;
            }
        };
    }

    private long high(int i, int a) {
        return switch (a) {
            case A_TOR -> addr[i] << 2;
            case A_NA4 -> (addr[i] << 2) + 4;
            default -> {
                long trailing = Long.numberOfTrailingZeros(~addr[i]);
                // A NAPOT range of 2^(trailing+3) bytes; the all-ones address covers everything.
                yield trailing >= 61 ? -1L : low(i, a) + (1L << (trailing + 3));
            }
        };
    }

    private static boolean overlaps(long start, long end, long lo, long hi) {
        return Long.compareUnsigned(start, hi) < 0 && Long.compareUnsigned(lo, end) < 0;
    }
}
