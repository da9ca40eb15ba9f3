package dev.guestbench.vmm.sched;

import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.device.VirtualClock;

/**
 * Deterministic virtual time: mtime advances with retired instructions, {@link #instructionsPerTick} of
 * them a tick, and jumps ahead when every hart waits. Within a hart's quantum, reading the time counts the
 * instructions that hart has retired so far, so a run gives the same times every time.
 */
public final class VirtualTime implements VirtualClock {

    private final long instructionsPerTick;
    private long base;
    private HartState current;
    private long currentStart;

    /** Time that advances one tick for every {@code instructionsPerTick} instructions a hart retires. */
    public VirtualTime(long instructionsPerTick) {
        if (instructionsPerTick < 1) {
            throw new IllegalArgumentException("instructions per tick must be at least 1");
        }
        this.instructionsPerTick = instructionsPerTick;
    }

    /** Instructions a hart retires per tick of mtime. */
    public long instructionsPerTick() {
        return instructionsPerTick;
    }

    @Override
    public long mtime() {
        HartState h = current;
        return h == null ? base : base + (h.retired - currentStart) / instructionsPerTick;
    }

    @Override
    public void setMtime(long value) {
        base = value - (mtime() - base);
    }

    /** The time at the start of the current round, whichever hart runs. */
    public long roundTime() {
        return base;
    }

    /** Hart {@code h} starts its quantum: time reads follow its progress until the round ends. */
    void beginQuantum(HartState h) {
        current = h;
        currentStart = h.retired;
    }

    /** Every hart had its quantum: the round's ticks pass for all. */
    void endRound(long ticks) {
        current = null;
        base += ticks;
    }

    /** A round cut short (a debugger's pause): the time the current hart has seen so far stays, never going back. */
    void endPartialRound() {
        base = mtime();
        current = null;
    }

    /** Jumps to {@code deadline} when it lies ahead (every hart waits, nothing else can happen before it). */
    void skipTo(long deadline) {
        current = null;
        if (deadline > base) {
            base = deadline;
        }
    }
}
