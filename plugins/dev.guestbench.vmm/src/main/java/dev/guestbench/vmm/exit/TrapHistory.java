package dev.guestbench.vmm.exit;

import java.io.IOException;
import java.io.Writer;

/**
 * The last N exits and traps of a VM, oldest first, in a ring buffer of primitive arrays (recording
 * allocates nothing), with counts per exit reason over the whole run. One thread records (the VM's); other
 * threads may read while it runs, and see whole records (a record being overwritten while it is read is
 * the one exception, past the ring's end).
 */
public final class TrapHistory {

    /** Default number of records kept. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    private static final ExitReason[] REASONS = ExitReason.values();
    private static final Disposition[] DISPOSITIONS = Disposition.values();

    private final int capacity;
    private final long[] seq;
    private final int[] hart;
    private final long[] time;
    private final byte[] reason;
    private final long[] cause;
    private final byte[] priv;
    private final long[] pc;
    private final int[] bits;
    private final long[] tval;
    private final byte[] disposition;
    private final long[] detail;
    private final long[] cost;
    private final long[] countByReason = new long[REASONS.length];
    private final long[] countByDisposition = new long[DISPOSITIONS.length];
    /** Records ever made; written by the one thread that runs the VM, read by viewers on others. */
    private volatile long next;
    /** A debugger's trap breakpoints, or null; told of every record on the recording thread. */
    private Watcher watcher;

    /** Told of each exit as it is recorded (a debugger's trap breakpoints). */
    public interface Watcher {
        /** The exit numbered {@code seq} was recorded with these fields. */
        void recorded(long seq, int hartId, ExitReason why, long trapCause, int privilege, long instructionPc,
                Disposition what, long extra);
    }

    /** A history keeping the last {@code capacity} records (at least 1). */
    public TrapHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("trap history size must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        seq = new long[capacity];
        hart = new int[capacity];
        time = new long[capacity];
        reason = new byte[capacity];
        cause = new long[capacity];
        priv = new byte[capacity];
        pc = new long[capacity];
        bits = new int[capacity];
        tval = new long[capacity];
        disposition = new byte[capacity];
        detail = new long[capacity];
        cost = new long[capacity];
    }

    /**
     * Records one exit. {@code cause} is the trap cause (mcause encoding, interrupt bit included) or
     * {@link TrapRecord#NO_CAUSE};
     * {@code detail} is reason-specific: the CSR number, the device's physical address, or a hypercall's
     * (extension << 32 | function).
     */
    public void record(int hartId, long virtualTime, ExitReason why, long trapCause, int privilege,
            long instructionPc, int instructionBits, long trapValue, Disposition what, long extra, long hostNanos) {
        int i = (int) (next % capacity);
        seq[i] = next;
        hart[i] = hartId;
        time[i] = virtualTime;
        reason[i] = (byte) why.ordinal();
        cause[i] = trapCause;
        priv[i] = (byte) privilege;
        pc[i] = instructionPc;
        bits[i] = instructionBits;
        tval[i] = trapValue;
        disposition[i] = (byte) what.ordinal();
        detail[i] = extra;
        cost[i] = hostNanos;
        countByReason[why.ordinal()]++;
        countByDisposition[what.ordinal()]++;
        // Publishes the record: a reader that sees the new count sees the record's fields.
        next = next + 1;
        Watcher w = watcher;
        if (w != null) {
            w.recorded(seq[i], hartId, why, trapCause, privilege, instructionPc, what, extra);
        }
    }

    /** Installs a watcher, or removes it with null; call only while the VM does not run. */
    public void watch(Watcher w) {
        this.watcher = w;
    }

    /** Records ever made (the next sequence number). */
    public long total() {
        return next;
    }

    /** Records still held: min(total, capacity). */
    public int size() {
        return (int) Math.min(next, capacity);
    }

    /** Exits counted for a reason over the whole run. */
    public long count(ExitReason why) {
        return countByReason[why.ordinal()];
    }

    /** Exits with a disposition over the whole run. */
    public long count(Disposition what) {
        return countByDisposition[what.ordinal()];
    }

    /** The held record {@code k} (0 = oldest held). */
    public TrapRecord get(int k) {
        long total = next;
        int held = (int) Math.min(total, capacity);
        if (k < 0 || k >= held) {
            throw new IndexOutOfBoundsException("record " + k + " of " + held);
        }
        long first = total - held;
        int i = (int) ((first + k) % capacity);
        return new TrapRecord(seq[i], hart[i], time[i], REASONS[reason[i]], cause[i], priv[i], pc[i], bits[i], tval[i],
                DISPOSITIONS[disposition[i]], detail[i], cost[i]);
    }

    /** Writes the held records as CSV, oldest first, with a header line; host cost is the last column. */
    public void writeCsv(Writer out) throws IOException {
        out.write("seq,hart,time,reason,cause,priv,pc,insn,tval,disposition,detail,host_ns\n");
        StringBuilder line = new StringBuilder(128);
        int held = size();
        for (int k = 0; k < held; k++) {
            TrapRecord r = get(k);
            line.setLength(0);
            line.append(r.seq()).append(',').append(r.hart()).append(',').append(r.time()).append(',')
                    .append(r.reason().label()).append(',').append(TrapRecord.causeName(r.cause())).append(',')
                    .append(TrapRecord.privName(r.privilege())).append(",0x").append(Long.toHexString(r.pc()))
                    .append(",0x").append(Integer.toHexString(r.bits())).append(",0x")
                    .append(Long.toHexString(r.tval())).append(',').append(r.disposition().label()).append(",0x")
                    .append(Long.toHexString(r.detail())).append(',').append(r.hostNanos()).append('\n');
            out.write(line.toString());
        }
    }
}
