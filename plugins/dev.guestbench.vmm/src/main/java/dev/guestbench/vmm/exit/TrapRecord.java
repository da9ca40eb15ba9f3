package dev.guestbench.vmm.exit;

import dev.guestbench.isa.TrapCause;

/** One exit or trap as the history holds it; {@code hostNanos} is {@link #NOT_TIMED} for untimed exits. */
public record TrapRecord(long seq, int hart, long time, ExitReason reason, long cause, int privilege, long pc,
        int bits, long tval, Disposition disposition, long detail, long hostNanos) {

    /** Host cost of an exit whose cost was not measured (one in 16 exits is timed). */
    public static final long NOT_TIMED = -1;

    /** The cause of a record that is no trap (an emulated CSR access, a device access). */
    public static final long NO_CAUSE = -1;

    private static final long INTERRUPT = 1L << 63;

    /** A cause as its spec name ("illegal_instruction", "machine_timer_interrupt"), or "-" for none. */
    public static String causeName(long cause) {
        if (cause == NO_CAUSE) {
            return "-";
        }
        TrapCause known = TrapCause.of(cause);
        return known != null ? known.name().toLowerCase(java.util.Locale.ROOT)
                : ((cause & INTERRUPT) != 0 ? "interrupt_" : "exception_") + (cause & ~INTERRUPT);
    }

    /** "U", "S" or "M". */
    public static String privName(int priv) {
        return switch (priv) {
            case 0 -> "U";
            case 1 -> "S";
            case 3 -> "M";
            default -> Integer.toString(priv);
        };
    }
}
