package dev.guestbench.vmm.memory;

import java.util.Arrays;

/**
 * One hart's translation lookaside buffer: 4 KiB translations tagged with the address space they belong to
 * (an ASID, or {@link #BARE} for untranslated accesses), 4-way set associative, in front of both paging
 * modes. Entries keep the guest leaf's flags and level so SFENCE.VMA can drop exactly what the spec says;
 * permissions are checked on every use, so one entry serves U, S and M (with MPRV) accesses alike.
 */
public final class Tlb {

    /** Context of untranslated (Bare or M-mode) accesses; ASIDs are 0..65535. */
    public static final int BARE = 0x10000;
    /** Flag bits beyond the PTE's low byte: the page is not RAM. */
    public static final int DEVICE = 1 << 8;
    /** Sets and ways. */
    public static final int SETS = 256;
    public static final int WAYS = 4;
    private static final int LEVEL_SHIFT = 12;
    /** Superpage leaves remembered one by one; beyond that any address fence scans everything. */
    private static final int MAX_SUPERPAGES = 8;

    private final long[] vpns = new long[SETS * WAYS];
    private final int[] contexts = new int[SETS * WAYS];
    private final int[] flags = new int[SETS * WAYS];
    private final long[] gpaPages = new long[SETS * WAYS];
    private final byte[][] frames = new byte[SETS * WAYS][];
    private final byte[] victims = new byte[SETS];
    /**
     * The superpage leaves (level, and the VPN shifted down to it) whose 4 KiB pieces may be here or in a
     * cache in front of this TLB: an address fence outside them drops one page, found in one set.
     */
    private final long[] superpages = new long[MAX_SUPERPAGES];
    private int superpageCount;
    private boolean superpagesOverflowed;
    private long hits;
    private long misses;

    public Tlb() {
        flushAll();
    }

    /** The entry translating {@code vpn} in {@code context} (global entries match every ASID), or -1. */
    public int lookup(long vpn, int context) {
        int base = ((int) vpn & (SETS - 1)) * WAYS;
        for (int i = base; i < base + WAYS; i++) {
            if (vpns[i] == vpn) {
                int c = contexts[i];
                if (c == context || ((flags[i] & Pte.G) != 0 && context != BARE && c != BARE)) {
                    hits++;
                    return i;
                }
            }
        }
        misses++;
        return -1;
    }

    /** Counts a lookup that hit but had to be refilled (a permission the cached entry lacks): a miss. */
    void hitWasMiss() {
        hits--;
        misses++;
    }

    /**
     * Enters a translation, replacing an entry for the same page and context or else the set's next victim.
     *
     * @param leafFlags the PTE bits (R W X U G A D) the access may use, plus {@link #DEVICE}
     * @param level the guest leaf's level (0 for 4 KiB, also for Bare)
     * @param frame the host frame, or null for a device page
     */
    public int insert(long vpn, int context, long gpaPage, byte[] frame, int leafFlags, int level) {
        int set = (int) vpn & (SETS - 1);
        int base = set * WAYS;
        int slot = -1;
        for (int i = base; i < base + WAYS; i++) {
            if (vpns[i] == vpn && contexts[i] == context) {
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            slot = base + victims[set];
            victims[set] = (byte) ((victims[set] + 1) & (WAYS - 1));
        }
        return fill(slot, vpn, context, gpaPage, frame, leafFlags, level);
    }

    /**
     * {@link #insert} for a translation that {@link #lookup} just missed in the same context: no entry for the
     * page and context is there to replace, so the set's next victim goes without a search.
     */
    public int insertMissing(long vpn, int context, long gpaPage, byte[] frame, int leafFlags, int level) {
        int set = (int) vpn & (SETS - 1);
        int slot = set * WAYS + victims[set];
        victims[set] = (byte) ((victims[set] + 1) & (WAYS - 1));
        return fill(slot, vpn, context, gpaPage, frame, leafFlags, level);
    }

    private int fill(int slot, long vpn, int context, long gpaPage, byte[] frame, int leafFlags, int level) {
        vpns[slot] = vpn;
        contexts[slot] = context;
        gpaPages[slot] = gpaPage;
        frames[slot] = frame;
        flags[slot] = leafFlags | level << LEVEL_SHIFT;
        if (level > 0) {
            rememberSuperpage(vpn, level);
        }
        return slot;
    }

    private void rememberSuperpage(long vpn, int level) {
        long key = superpageKey(vpn, level);
        for (int i = 0; i < superpageCount; i++) {
            if (superpages[i] == key) {
                return;
            }
        }
        if (superpageCount == MAX_SUPERPAGES) {
            superpagesOverflowed = true;
        } else {
            superpages[superpageCount++] = key;
        }
    }

    private static long superpageKey(long vpn, int level) {
        return (vpn >>> (9 * level)) << 2 | level;
    }

    /** Whether a superpage leaf containing page {@code vpn} may have pieces here or in front of this TLB. */
    private boolean inSuperpage(long vpn) {
        if (superpagesOverflowed) {
            return true;
        }
        for (int i = 0; i < superpageCount; i++) {
            long key = superpages[i];
            int level = (int) key & 3;
            if ((key >>> 2) == (vpn >>> (9 * level))) {
                return true;
            }
        }
        return false;
    }

    /** The flags of entry {@code i}: PTE bits and {@link #DEVICE}. */
    public int flags(int i) {
        return flags[i] & 0xfff;
    }

    /** The guest-physical page number of entry {@code i}. */
    public long gpaPage(int i) {
        return gpaPages[i];
    }

    /** The host frame of entry {@code i}, or null for a device page. */
    public byte[] frame(int i) {
        return frames[i];
    }

    /** Drops every entry. */
    public void flushAll() {
        Arrays.fill(vpns, -1);
        Arrays.fill(frames, null);
        superpageCount = 0;
        superpagesOverflowed = false;
    }

    /**
     * SFENCE.VMA: drops the entries of address space {@code asid} (-1: every one) that translate
     * {@code va} (-1 as va is never asked for: {@code anyAddress} says all addresses). Global entries survive
     * an ASID-specific fence, as the spec says; Bare entries are not affected by any fence of translations.
     *
     * @return false when the fence could only concern {@code va}'s own 4 KiB page (no superpage leaf that
     *         may be cached contains it), so a cache in front of this TLB needs to drop that page only; true
     *         when the caller must drop everything it caches in front of this TLB
     */
    public boolean flush(boolean anyAddress, long va, int asid) {
        long vpn = va >>> 12;
        if (!anyAddress && !inSuperpage(vpn)) {
            // Only a 4 KiB entry of this very page can translate va, and it lives in the page's set.
            int base = ((int) vpn & (SETS - 1)) * WAYS;
            for (int i = base; i < base + WAYS; i++) {
                if (vpns[i] == vpn && dropsFor(i, asid)) {
                    vpns[i] = -1;
                    frames[i] = null;
                }
            }
            return false;
        }
        for (int i = 0; i < vpns.length; i++) {
            if (vpns[i] == -1 || !dropsFor(i, asid)) {
                continue;
            }
            if (!anyAddress) {
                // The entry goes if its leaf (a superpage, perhaps) contains va.
                int shift = 9 * (flags[i] >>> LEVEL_SHIFT);
                if ((vpns[i] >>> shift) != (vpn >>> shift)) {
                    continue;
                }
            }
            vpns[i] = -1;
            frames[i] = null;
        }
        // The caller empties what it caches in front: only the superpages still here can have pieces left.
        superpageCount = 0;
        superpagesOverflowed = false;
        for (int i = 0; i < vpns.length; i++) {
            int level = flags[i] >>> LEVEL_SHIFT;
            if (vpns[i] != -1 && level > 0) {
                rememberSuperpage(vpns[i], level);
            }
        }
        return true;
    }

    /** Whether entry {@code i} is one a fence of address space {@code asid} (-1: every one) drops. */
    private boolean dropsFor(int i, int asid) {
        if (contexts[i] == BARE) {
            return false;
        }
        return asid < 0 || (contexts[i] == asid && (flags[i] & Pte.G) == 0);
    }

    /** Drops the Bare entries (what backs guest-physical memory changed). */
    public void flushBare() {
        for (int i = 0; i < vpns.length; i++) {
            if (contexts[i] == BARE) {
                vpns[i] = -1;
                frames[i] = null;
            }
        }
    }

    /** Lookups that found their translation. */
    public long hits() {
        return hits;
    }

    /** Lookups that did not. */
    public long misses() {
        return misses;
    }
}
