package dev.guestbench.vmm.sched;

import java.util.List;
import java.util.function.BooleanSupplier;

import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.cpu.Vcpu;

/**
 * Runs a VM's vCPUs in a fixed round-robin of instruction quanta on the calling thread, so that a run
 * repeats exactly. After each round virtual time advances by the round's instructions, time sources
 * re-evaluate their interrupts and devices are polled; when every hart waits in WFI, time jumps to the
 * next deadline.
 */
public final class Scheduler {

    /** How a run ended. */
    public enum Outcome {
        /** The machine was stopped (powered off, or asked to stop). */
        STOPPED,
        /** The instruction limit was reached. */
        INSTRUCTION_LIMIT,
        /** Every hart waits for an interrupt and nothing can ever raise one. */
        IDLE_FOREVER,
        /** A debugger asked for a pause, or holds every hart that could run. */
        PAUSED
    }

    /** Waits for an event from outside the machine (input on the console) while every hart is idle. */
    public interface IdleWait {
        /** Blocks until something may have changed; returns false if nothing ever can. */
        boolean awaitEvent();
    }

    /** Instructions each hart runs per round. */
    public static final long DEFAULT_QUANTUM = 10_000;

    private final Vcpu[] cpus; // an array: a List's iterator would allocate once per time slice
    private final VirtualTime time;
    private final TimeSource[] timeSources;
    private final Runnable poll;
    private final IdleWait idle;
    private final BooleanSupplier stopped;
    private final long quantum;
    private long steps;
    /** Harts a debugger holds: skipped as if stopped. */
    private final boolean[] held;
    private volatile boolean pauseRequested;
    /** Instructions single-stepped since time last advanced for them. */
    private long steppedSinceTick;

    /**
     * @param poll called after every round (device input)
     * @param stopped tells when the machine has been powered off
     */
    public Scheduler(List<Vcpu> cpus, VirtualTime time, List<TimeSource> timeSources, Runnable poll, IdleWait idle,
            BooleanSupplier stopped, long quantum) {
        this.cpus = cpus.toArray(Vcpu[]::new);
        this.time = time;
        this.timeSources = timeSources.toArray(TimeSource[]::new);
        this.poll = poll;
        this.idle = idle;
        this.stopped = stopped;
        this.quantum = quantum;
        this.held = new boolean[this.cpus.length];
    }

    /** Asks a run to return {@link Outcome#PAUSED} after the current hart's slice (from any thread). */
    public void requestPause() {
        pauseRequested = true;
    }

    /** A debugger holds hart {@code index} (it does not run) or lets it go; call only between runs. */
    public void hold(int index, boolean hold) {
        held[index] = hold;
    }

    /**
     * Runs one instruction of hart {@code index} (a debugger's step): returns the steps taken, 0 when the
     * hart is stopped or waits for an interrupt that is not pending. Time advances with the steps.
     */
    public long step(int index) {
        Vcpu cpu = cpus[index];
        HartState s = cpu.state;
        if (!s.running) {
            return 0;
        }
        if (s.waitingForInterrupt) {
            if ((s.mip() & s.mie) == 0) {
                return 0;
            }
            s.waitingForInterrupt = false;
        }
        time.beginQuantum(s);
        long n = cpu.run(1);
        steps += n;
        steppedSinceTick += n;
        long ticks = steppedSinceTick / time.instructionsPerTick();
        steppedSinceTick -= ticks * time.instructionsPerTick();
        time.endRound(ticks);
        notifyTime();
        poll.run();
        return n;
    }

    /**
     * Runs until the machine stops or {@code maxInstructions} steps (instructions retired or trapped, over
     * all harts) have been taken.
     */
    public Outcome run(long maxInstructions) {
        notifyTime();
        while (true) {
            if (stopped.getAsBoolean()) {
                return Outcome.STOPPED;
            }
            if (steps >= maxInstructions) {
                return Outcome.INSTRUCTION_LIMIT;
            }
            if (pauseRequested) {
                pauseRequested = false;
                return Outcome.PAUSED;
            }
            boolean anyRan = false;
            boolean anyHeld = false;
            for (int c = 0; c < cpus.length; c++) {
                Vcpu cpu = cpus[c];
                HartState s = cpu.state;
                if (!s.running) {
                    continue;
                }
                if (held[c]) {
                    anyHeld = true;
                    continue;
                }
                if (s.waitingForInterrupt) {
                    if ((s.mip() & s.mie) == 0) {
                        continue;
                    }
                    s.waitingForInterrupt = false;
                }
                long budget = Math.min(quantum, maxInstructions - steps);
                if (budget <= 0) {
                    break;
                }
                time.beginQuantum(s);
                steps += cpu.run(budget);
                anyRan = true;
                if (stopped.getAsBoolean()) {
                    return Outcome.STOPPED;
                }
                if (pauseRequested) {
                    // A breakpoint or a debugger's pause: end the round here; time keeps what this hart saw.
                    pauseRequested = false;
                    time.endPartialRound();
                    return Outcome.PAUSED;
                }
            }
            if (anyRan) {
                time.endRound(quantum / time.instructionsPerTick());
            } else if (anyHeld && !anyRunnable()) {
                return Outcome.PAUSED;
            } else if (!skipIdleTime()) {
                return Outcome.IDLE_FOREVER;
            }
            notifyTime();
            poll.run();
        }
    }

    /** Every running hart waits: jump to the next deadline, or wait for input. False if nothing can come. */
    private boolean skipIdleTime() {
        long next = Long.MAX_VALUE;
        for (TimeSource source : timeSources) {
            next = Math.min(next, source.nextDeadline());
        }
        if (next != Long.MAX_VALUE) {
            time.skipTo(next);
            return true;
        }
        boolean anyRunning = false;
        for (Vcpu cpu : cpus) {
            anyRunning |= cpu.state.running;
        }
        // No hart runs at all: nothing inside the machine can start one again.
        if (!anyRunning) {
            return false;
        }
        // No timer is armed: only outside input can change anything.
        return idle.awaitEvent();
    }

    /** Whether a hart that is not held could run (now or after an interrupt). */
    private boolean anyRunnable() {
        for (int c = 0; c < cpus.length; c++) {
            if (cpus[c].state.running && !held[c]) {
                return true;
            }
        }
        return false;
    }

    private void notifyTime() {
        for (TimeSource source : timeSources) {
            source.timeChanged();
        }
    }
}
