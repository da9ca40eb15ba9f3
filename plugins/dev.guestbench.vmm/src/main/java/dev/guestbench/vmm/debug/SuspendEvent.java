package dev.guestbench.vmm.debug;

/**
 * vCPUs stopped. In all-stop fashion every vCPU is suspended after a breakpoint, a trap, page-table or
 * watchpoint stop or a client's suspend of the VM; a step, a run-to or a client's suspend of one vCPU
 * suspends only that vCPU.
 *
 * @param hart the vCPU that caused it, or -1 when none did (a client's suspend of the whole VM)
 * @param reason why
 * @param detail the breakpoint's address for {@link SuspendReason#BREAKPOINT}, the trap record's sequence
 *        number for {@link SuspendReason#TRAP}, the mapping's first address for {@link SuspendReason#PAGE_TABLE}, the
 *        guest-virtual address accessed for {@link SuspendReason#WATCHPOINT}, else
 *        the hart's pc
 */
public record SuspendEvent(int hart, SuspendReason reason, long detail) {
}
