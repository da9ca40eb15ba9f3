package dev.guestbench.vmm.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The CLINT of QEMU virt (an ACLINT MSWI and MTIMER in the SiFive CLINT layout): msip[hart] at
 * 4 * hart (bit 0 drives MSIP), mtimecmp[hart] at 0x4000 + 8 * hart and mtime at 0xBFF8. MTIP is a level:
 * it is raised exactly while mtime >= mtimecmp (unsigned). Time moves without bus accesses, so the machine
 * calls {@link #timeChanged()} whenever virtual time advances, and asks {@link #nextDeadline()} how far it
 * may skip when every hart waits for an interrupt.
 * <p>
 * Any width at any offset is served byte-lane-wise inside one register (QEMU itself accepts 4 bytes for
 * msip and 4 or 8 for the timer); an access that spans two registers reads 0 and writes nothing.
 */
public final class Aclint implements MmioDevice, Inspectable {

    /** Size of the register block. */
    public static final long SIZE = 0x10000;
    /** Offset of msip[0]. */
    public static final long MSIP = 0x0000;
    /** Offset of mtimecmp[0]. */
    public static final long MTIMECMP = 0x4000;
    /** Offset of mtime. */
    public static final long MTIME = 0xBFF8;

    /** The most harts the layout has room for: mtimecmp[hart] must stay below mtime. */
    public static final int MAX_HARTS = (int) ((MTIME - MTIMECMP) / 8);

    private final int harts;
    private final VirtualClock clock;
    private final HartInterrupts interrupts;
    private final long[] mtimecmp;
    private final boolean[] msip;
    private final boolean[] mtip;

    /** A CLINT for {@code harts} harts that reads time from {@code clock} and drives {@code interrupts}. */
    public Aclint(int harts, VirtualClock clock, HartInterrupts interrupts) {
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("the CLINT serves 1 to " + MAX_HARTS + " harts, not " + harts);
        }
        this.harts = harts;
        this.clock = clock;
        this.interrupts = interrupts;
        this.mtimecmp = new long[harts];
        this.msip = new boolean[harts];
        this.mtip = new boolean[harts];
        reset();
    }

    @Override
    public String name() {
        return "clint";
    }

    @Override
    public long size() {
        return SIZE;
    }

    /**
     * Power-on state: msip clear and mtimecmp 0, so MTIP is pending at once, as on QEMU. mtime belongs to
     * the clock and is left alone.
     */
    public synchronized void reset() {
        for (int h = 0; h < harts; h++) {
            mtimecmp[h] = 0;
            msip[h] = false;
            interrupts.setPending(h, HartInterrupts.MSIP, false);
            // Force the first evaluation to drive the line whatever state the hart was left in.
            mtip[h] = false;
            interrupts.setPending(h, HartInterrupts.MTIP, false);
        }
        timeChanged();
    }

    /** Re-evaluates every hart's MTIP against the clock; call whenever mtime moves. */
    public synchronized void timeChanged() {
        long now = clock.mtime();
        for (int h = 0; h < harts; h++) {
            evaluate(h, now);
        }
    }

    /**
     * The smallest mtimecmp that mtime has not reached yet, or Long.MAX_VALUE if none (values of 2^63 and
     * above also count as never: at 10 MHz mtime needs 29,000 years to get there).
     */
    public synchronized long nextDeadline() {
        long now = clock.mtime();
        long next = Long.MAX_VALUE;
        for (int h = 0; h < harts; h++) {
            long cmp = mtimecmp[h];
            if (Long.compareUnsigned(cmp, now) > 0 && cmp >= 0 && cmp < next) {
                next = cmp;
            }
        }
        return next;
    }

    /** mtimecmp of {@code hart}, for the debugger and snapshots. */
    public synchronized long mtimecmp(int hart) {
        return mtimecmp[hart];
    }

    /** Whether msip of {@code hart} is set. */
    public synchronized boolean msip(int hart) {
        return msip[hart];
    }

    private void evaluate(int hart, long now) {
        boolean level = Long.compareUnsigned(now, mtimecmp[hart]) >= 0;
        if (level != mtip[hart]) {
            mtip[hart] = level;
            interrupts.setPending(hart, HartInterrupts.MTIP, level);
        }
    }

    @Override
    public synchronized long read(long offset, int width) {
        int lane = (int) offset & 7;
        if (offset >= MSIP && offset < MSIP + 4L * harts) {
            if (!RegisterBytes.within(offset, width, 4)) {
                return 0;
            }
            return RegisterBytes.extract(msip[(int) (offset >>> 2)] ? 1 : 0, lane & 3, width);
        }
        if (!RegisterBytes.within(offset, width, 8)) {
            return 0;
        }
        if (offset >= MTIMECMP && offset < MTIMECMP + 8L * harts) {
            return RegisterBytes.extract(mtimecmp[(int) ((offset - MTIMECMP) >>> 3)], lane, width);
        }
        if (offset >= MTIME && offset < MTIME + 8) {
            return RegisterBytes.extract(clock.mtime(), lane, width);
        }
        return 0;
    }

    @Override
    public synchronized void write(long offset, int width, long value) {
        int lane = (int) offset & 7;
        if (offset >= MSIP && offset < MSIP + 4L * harts) {
            // Only bit 0 of the word exists, so only a write that covers byte 0 changes anything.
            if (RegisterBytes.within(offset, width, 4) && (lane & 3) == 0) {
                int hart = (int) (offset >>> 2);
                boolean level = (value & 1) != 0;
                if (level != msip[hart]) {
                    msip[hart] = level;
                    interrupts.setPending(hart, HartInterrupts.MSIP, level);
                }
            }
            return;
        }
        if (!RegisterBytes.within(offset, width, 8)) {
            return;
        }
        if (offset >= MTIMECMP && offset < MTIMECMP + 8L * harts) {
            int hart = (int) ((offset - MTIMECMP) >>> 3);
            mtimecmp[hart] = RegisterBytes.merge(mtimecmp[hart], lane, width, value);
            evaluate(hart, clock.mtime());
        } else if (offset >= MTIME && offset < MTIME + 8) {
            clock.setMtime(RegisterBytes.merge(clock.mtime(), lane, width, value));
            timeChanged();
        }
    }

    /** mtime, then each hart's msip and mtimecmp, with when the timer fires. */
    @Override
    public synchronized List<DeviceRegister> registers() {
        List<DeviceRegister> r = new ArrayList<>();
        long now = clock.mtime();
        r.add(new DeviceRegister("", "mtime", MTIME, 8, now, Long.toUnsignedString(now) + " ticks"));
        for (int h = 0; h < harts; h++) {
            r.add(new DeviceRegister("", "msip[" + h + "]", MSIP + 4L * h, 4, msip[h] ? 1 : 0,
                    msip[h] ? "MSIP raised" : "clear"));
            long cmp = mtimecmp[h];
            String when = cmp == -1L ? "never (all ones)"
                    : mtip[h] ? "reached: MTIP raised" : "in " + Long.toUnsignedString(cmp - now) + " ticks";
            r.add(new DeviceRegister("", "mtimecmp[" + h + "]", MTIMECMP + 8L * h, 8, cmp, when));
        }
        return r;
    }
}
