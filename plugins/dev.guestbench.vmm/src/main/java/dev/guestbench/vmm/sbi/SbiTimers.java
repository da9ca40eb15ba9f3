package dev.guestbench.vmm.sbi;

import java.util.Arrays;

import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.device.HartInterrupts;
import dev.guestbench.vmm.sched.TimeSource;

/** The per-hart supervisor timers that SBI set_timer arms: STIP rises when mtime reaches the deadline. */
public final class SbiTimers implements TimeSource {

    /** A deadline that never comes: stime values of 2^63 and above (Linux writes all ones to disarm). */
    private static final long NEVER = -1;

    private final SbiMachine machine;
    private final long[] deadlines;

    /** Timers for {@code harts} harts (the machine's hart list may still be filling when this is made). */
    public SbiTimers(SbiMachine machine, int harts) {
        this.machine = machine;
        this.deadlines = new long[harts];
        Arrays.fill(deadlines, NEVER);
    }

    /** Arms hart {@code hart}'s timer for {@code deadline} and lowers its STIP until then. */
    void set(int hart, long deadline) {
        deadlines[hart] = deadline;
        update(hart, machine.clock().mtime());
    }

    @Override
    public void timeChanged() {
        long now = machine.clock().mtime();
        for (int h = 0; h < deadlines.length; h++) {
            update(h, now);
        }
    }

    private void update(int hart, long now) {
        Vcpu cpu = machine.harts().get(hart);
        long d = deadlines[hart];
        cpu.state.setLine(HartInterrupts.STIP, d >= 0 && now >= d);
    }

    @Override
    public long nextDeadline() {
        long now = machine.clock().mtime();
        long next = Long.MAX_VALUE;
        for (long d : deadlines) {
            if (d >= 0 && d > now) {
                next = Math.min(next, d);
            }
        }
        return next;
    }
}
