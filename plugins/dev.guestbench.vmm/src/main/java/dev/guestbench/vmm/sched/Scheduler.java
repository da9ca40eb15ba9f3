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
        IDLE_FOREVER
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
            boolean anyRan = false;
            for (Vcpu cpu : cpus) {
                HartState s = cpu.state;
                if (!s.running) {
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
            }
            if (anyRan) {
                time.endRound(quantum / time.instructionsPerTick());
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

    private void notifyTime() {
        for (TimeSource source : timeSources) {
            source.timeChanged();
        }
    }
}
