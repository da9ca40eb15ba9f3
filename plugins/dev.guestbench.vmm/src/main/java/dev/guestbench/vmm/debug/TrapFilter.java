package dev.guestbench.vmm.debug;

import java.util.EnumSet;
import java.util.Set;

import dev.guestbench.vmm.exit.Disposition;
import dev.guestbench.vmm.exit.ExitReason;

/**
 * Which exits a trap breakpoint stops at. Every criterion that is set must hold; -1 (or an empty set) means
 * any. The SBI extension and function are those of an ECALL answered as a hypercall.
 *
 * @param reasons the VMM exit reasons, or empty for any
 * @param cause the trap cause in mcause encoding (interrupt bit included), or -1
 * @param privilege the guest privilege the exit came from (0 U, 1 S, 3 M), or -1
 * @param hart the vCPU, or -1
 * @param sbiExtension the SBI extension id (a7), or -1
 * @param sbiFunction the SBI function id (a6), or -1
 */
public record TrapFilter(Set<ExitReason> reasons, long cause, int privilege, int hart, long sbiExtension,
        long sbiFunction) {

    public TrapFilter {
        reasons = reasons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reasons));
    }

    /** Stops at every exit of the given reason. */
    public static TrapFilter of(ExitReason reason) {
        return new TrapFilter(Set.of(reason), -1, -1, -1, -1, -1);
    }

    /** Stops at traps with the given cause (mcause encoding). */
    public static TrapFilter cause(long cause) {
        return new TrapFilter(Set.of(), cause, -1, -1, -1, -1);
    }

    /** Whether an exit with these fields matches. */
    public boolean matches(int hartId, ExitReason why, long trapCause, int priv, Disposition what, long detail) {
        if (!reasons.isEmpty() && !reasons.contains(why)) {
            return false;
        }
        if (cause != -1 && cause != trapCause) {
            return false;
        }
        if (privilege != -1 && privilege != priv) {
            return false;
        }
        if (hart != -1 && hart != hartId) {
            return false;
        }
        if (sbiExtension != -1 || sbiFunction != -1) {
            // A hypercall records (extension << 32 | function); an ECALL reflected to the guest records a7 only.
            boolean hypercall = what == Disposition.HYPERCALL;
            if (why != ExitReason.ECALL || (!hypercall && sbiFunction != -1)) {
                return false;
            }
            long extension = hypercall ? detail >>> 32 : detail;
            if (sbiExtension != -1 && sbiExtension != extension) {
                return false;
            }
            return sbiFunction == -1 || sbiFunction == (detail & 0xffff_ffffL);
        }
        return true;
    }
}
