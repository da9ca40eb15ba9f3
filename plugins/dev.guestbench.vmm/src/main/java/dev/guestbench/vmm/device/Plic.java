package dev.guestbench.vmm.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SiFive PLIC as QEMU virt configures it: 96 sources (source 0 reserved, so 1 to 95 are real), priorities
 * and thresholds of 3 bits, and two contexts per hart: context 2 * hart is the hart's M-mode (drives MEIP),
 * 2 * hart + 1 its S-mode (drives SEIP). Sources are level-triggered {@link IrqLine}s; a claim takes the
 * highest-priority pending, enabled source above the context's threshold (ties: the lowest id), and a
 * completion re-arms the source, so a line still high becomes pending again. A request stays pending until
 * it is claimed, even if its line falls first.
 * <p>
 * Registers are 32 bits wide and, as in QEMU, only aligned 4-byte accesses reach them; other widths read 0
 * and write nothing (QEMU faults them instead).
 */
public final class Plic implements MmioDevice, Inspectable {

    /** Interrupt sources including the reserved source 0. */
    public static final int SOURCES = 96;
    /** Highest priority (and threshold) value: 3 priority bits. */
    public static final int MAX_PRIORITY = 7;
    /** Size of the register block: QEMU sizes it for 512 harts whatever the hart count. */
    public static final long SIZE = 0x60_0000;
    /** Offset of the priority of source 0; source n's is at 4 * n. */
    public static final long PRIORITY = 0x0;
    /** Offset of the pending bits (one bit per source). */
    public static final long PENDING = 0x1000;
    /** Offset of context 0's enable bits; context c's are at ENABLE + ENABLE_STRIDE * c. */
    public static final long ENABLE = 0x2000;
    /** Distance between the enable bits of two contexts. */
    public static final long ENABLE_STRIDE = 0x80;
    /** Offset of context 0's threshold; its claim/complete register follows at + 4. */
    public static final long CONTEXT = 0x20_0000;
    /** Distance between the threshold registers of two contexts. */
    public static final long CONTEXT_STRIDE = 0x1000;

    /** The most harts the register block has room for. */
    public static final int MAX_HARTS = (int) ((SIZE - CONTEXT) / CONTEXT_STRIDE / 2);

    private static final int WORDS = (SOURCES + 31) / 32;

    private final int harts;
    private final int contexts;
    private final HartInterrupts interrupts;
    private final int[] priority = new int[SOURCES];
    private final int[] level = new int[WORDS];
    private final int[] pending = new int[WORDS];
    private final int[] claimed = new int[WORDS];
    private final int[] enable;
    private final int[] threshold;
    private final boolean[] output;
    private final IrqLine[] lines = new IrqLine[SOURCES];

    /** A PLIC for {@code harts} harts that drives their MEIP and SEIP through {@code interrupts}. */
    public Plic(int harts, HartInterrupts interrupts) {
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("the PLIC serves 1 to " + MAX_HARTS + " harts, not " + harts);
        }
        this.harts = harts;
        this.contexts = 2 * harts;
        this.interrupts = interrupts;
        this.enable = new int[contexts * WORDS];
        this.threshold = new int[contexts];
        this.output = new boolean[contexts];
        for (int s = 1; s < SOURCES; s++) {
            int source = s;
            lines[s] = on -> setLevel(source, on);
        }
        reset();
    }

    @Override
    public String name() {
        return "plic";
    }

    @Override
    public long size() {
        return SIZE;
    }

    /** Number of harts served. */
    public int harts() {
        return harts;
    }

    /** The input wire of {@code source} (1 to 95), to give to a device. */
    public IrqLine irqLine(int source) {
        if (source < 1 || source >= SOURCES) {
            throw new IllegalArgumentException("PLIC sources are 1 to " + (SOURCES - 1) + ", not " + source);
        }
        return lines[source];
    }

    /** Power-on state: all priorities, thresholds, enables and claims 0; the lines keep their levels. */
    public synchronized void reset() {
        Arrays.fill(priority, 0);
        Arrays.fill(enable, 0);
        Arrays.fill(threshold, 0);
        Arrays.fill(claimed, 0);
        System.arraycopy(level, 0, pending, 0, WORDS);
        for (int c = 0; c < contexts; c++) {
            output[c] = false;
            interrupts.setPending(c >> 1, externalBit(c), false);
        }
        update();
    }

    /** Whether source {@code source} is pending, for the debugger and tests. */
    public synchronized boolean isPending(int source) {
        return source > 0 && source < SOURCES && bit(pending, source);
    }

    private synchronized void setLevel(int source, boolean on) {
        if (bit(level, source) == on) {
            return;
        }
        setBit(level, source, on);
        // The gateway latches a rising line as a request unless the source is in service; a line that falls
        // again leaves the request pending until it is claimed, as QEMU 7.2's PLIC does.
        if (on && !bit(claimed, source)) {
            setBit(pending, source, true);
        }
        update();
    }

    private static int externalBit(int context) {
        return (context & 1) == 0 ? HartInterrupts.MEIP : HartInterrupts.SEIP;
    }

    private static boolean bit(int[] words, int n) {
        return (words[n >>> 5] & (1 << (n & 31))) != 0;
    }

    private static void setBit(int[] words, int n, boolean on) {
        if (on) {
            words[n >>> 5] |= 1 << (n & 31);
        } else {
            words[n >>> 5] &= ~(1 << (n & 31));
        }
    }

    /** The source context {@code context} would claim now, or 0. */
    private int best(int context) {
        int bestSource = 0;
        int bestPriority = threshold[context];
        int base = context * WORDS;
        for (int w = 0; w < WORDS; w++) {
            int candidates = pending[w] & ~claimed[w] & enable[base + w];
            while (candidates != 0) {
                int b = Integer.numberOfTrailingZeros(candidates);
                candidates &= candidates - 1;
                int source = (w << 5) + b;
                // Strictly greater, scanning upwards: ties go to the lowest id.
                if (priority[source] > bestPriority) {
                    bestPriority = priority[source];
                    bestSource = source;
                }
            }
        }
        return bestSource;
    }

    private void update() {
        for (int c = 0; c < contexts; c++) {
            boolean on = best(c) != 0;
            if (on != output[c]) {
                output[c] = on;
                interrupts.setPending(c >> 1, externalBit(c), on);
            }
        }
    }

    @Override
    public synchronized long read(long offset, int width) {
        if (width != 4 || (offset & 3) != 0 || offset < 0 || offset >= SIZE) {
            return 0;
        }
        if (offset < PRIORITY + 4L * SOURCES) {
            return priority[(int) (offset >>> 2)];
        }
        if (offset >= PENDING && offset < PENDING + 4L * WORDS) {
            return pending[(int) ((offset - PENDING) >>> 2)] & 0xffff_ffffL;
        }
        if (offset >= ENABLE && offset < ENABLE + ENABLE_STRIDE * contexts) {
            int context = (int) ((offset - ENABLE) / ENABLE_STRIDE);
            int word = (int) ((offset - ENABLE) % ENABLE_STRIDE) >>> 2;
            return word < WORDS ? enable[context * WORDS + word] & 0xffff_ffffL : 0;
        }
        if (offset >= CONTEXT && offset < CONTEXT + CONTEXT_STRIDE * contexts) {
            int context = (int) ((offset - CONTEXT) / CONTEXT_STRIDE);
            long register = (offset - CONTEXT) % CONTEXT_STRIDE;
            if (register == 0) {
                return threshold[context];
            }
            if (register == 4) {
                return claim(context);
            }
        }
        return 0;
    }

    private int claim(int context) {
        int source = best(context);
        if (source != 0) {
            setBit(pending, source, false);
            setBit(claimed, source, true);
            update();
        }
        return source;
    }

    @Override
    public synchronized void write(long offset, int width, long value) {
        if (width != 4 || (offset & 3) != 0 || offset < 0 || offset >= SIZE) {
            return;
        }
        int v = (int) value;
        if (offset < PRIORITY + 4L * SOURCES) {
            int source = (int) (offset >>> 2);
            if (source != 0) {
                // WARL: the unimplemented high bits are dropped, as QEMU does for 2^n - 1 priorities.
                priority[source] = v & MAX_PRIORITY;
                update();
            }
        } else if (offset >= ENABLE && offset < ENABLE + ENABLE_STRIDE * contexts) {
            int context = (int) ((offset - ENABLE) / ENABLE_STRIDE);
            int word = (int) ((offset - ENABLE) % ENABLE_STRIDE) >>> 2;
            if (word < WORDS) {
                // Source 0 does not exist: its enable bit stays 0.
                enable[context * WORDS + word] = word == 0 ? v & ~1 : v;
                update();
            }
        } else if (offset >= CONTEXT && offset < CONTEXT + CONTEXT_STRIDE * contexts) {
            int context = (int) ((offset - CONTEXT) / CONTEXT_STRIDE);
            long register = (offset - CONTEXT) % CONTEXT_STRIDE;
            if (register == 0) {
                threshold[context] = v & MAX_PRIORITY;
                update();
            } else if (register == 4) {
                complete(v);
            }
        }
        // Pending bits are read-only; everything else is reserved.
    }

    private void complete(int source) {
        // As QEMU: any valid id ends its service, whichever context completes it.
        if (source <= 0 || source >= SOURCES || !bit(claimed, source)) {
            return;
        }
        setBit(claimed, source, false);
        if (bit(level, source)) {
            setBit(pending, source, true);
        }
        update();
    }

    /**
     * Pending, line and in-service bits; the priorities that are set; per context its threshold, enables and
     * the source a claim would return now (computed, not claimed).
     */
    @Override
    public synchronized List<DeviceRegister> registers() {
        List<DeviceRegister> r = new ArrayList<>();
        for (int w = 0; w < WORDS; w++) {
            r.add(new DeviceRegister("", "pending[" + w + "]", PENDING + 4L * w, 4, pending[w] & 0xffff_ffffL,
                    sources(pending[w], w)));
        }
        for (int w = 0; w < WORDS; w++) {
            r.add(new DeviceRegister("", "in service[" + w + "]", DeviceRegister.INTERNAL, 4,
                    claimed[w] & 0xffff_ffffL, "claimed, not completed: " + sources(claimed[w], w)));
        }
        for (int w = 0; w < WORDS; w++) {
            r.add(new DeviceRegister("", "line level[" + w + "]", DeviceRegister.INTERNAL, 4,
                    level[w] & 0xffff_ffffL, "lines high: " + sources(level[w], w)));
        }
        boolean anyPriority = false;
        for (int s = 1; s < SOURCES; s++) {
            if (priority[s] != 0) {
                anyPriority = true;
                r.add(new DeviceRegister("priorities", "priority[" + s + "]", PRIORITY + 4L * s, 4, priority[s],
                        "source " + s + (bit(pending, s) ? ", pending" : "") + (bit(claimed, s) ? ", in service" : "")));
            }
        }
        if (!anyPriority) {
            r.add(new DeviceRegister("priorities", "priority[1.." + (SOURCES - 1) + "]", DeviceRegister.INTERNAL, 4,
                    0, "all 0: no source can interrupt"));
        }
        for (int c = 0; c < contexts; c++) {
            String group = "context " + c + " (hart " + (c >> 1) + ", " + ((c & 1) == 0 ? "M" : "S") + "-mode)";
            r.add(new DeviceRegister(group, "threshold", CONTEXT + CONTEXT_STRIDE * c, 4, threshold[c],
                    "priorities above " + threshold[c] + " interrupt"));
            int next = best(c);
            r.add(new DeviceRegister(group, "claim/complete", CONTEXT + CONTEXT_STRIDE * c + 4, 4, next,
                    next == 0 ? "nothing to claim" : "a claim would return source " + next));
            for (int w = 0; w < WORDS; w++) {
                int e = enable[c * WORDS + w];
                r.add(new DeviceRegister(group, "enable[" + w + "]", ENABLE + ENABLE_STRIDE * c + 4L * w, 4,
                        e & 0xffff_ffffL, sources(e, w)));
            }
            r.add(new DeviceRegister(group, (c & 1) == 0 ? "MEIP" : "SEIP", DeviceRegister.INTERNAL, 1,
                    output[c] ? 1 : 0, output[c] ? "raised" : "low"));
        }
        return r;
    }

    /** "sources 10, 33" for the set bits of word {@code w}, or "none". */
    private static String sources(int bits, int w) {
        if (bits == 0) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        for (int b = bits; b != 0; b &= b - 1) {
            s.append(s.length() == 0 ? "" : ", ").append((w << 5) + Integer.numberOfTrailingZeros(b));
        }
        return (Integer.bitCount(bits) == 1 ? "source " : "sources ") + s;
    }
}
