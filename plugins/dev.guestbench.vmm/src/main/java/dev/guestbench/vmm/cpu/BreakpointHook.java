package dev.guestbench.vmm.cpu;

/**
 * What a debugger asks of a vCPU's run loop. The loop consults it only when one is installed
 * ({@link Vcpu#breakpoints} not null), once per page it enters, and instruction by instruction only in
 * pages that {@link #watchesPage} names, so a vCPU without breakpoints pays nothing for them.
 */
public interface BreakpointHook {

    /** True if the vCPU must stop before the instruction at {@code pc}; it then leaves its run with pc there. */
    boolean stopBefore(Vcpu cpu, long pc);

    /** True if the virtual page of {@code pc} holds a breakpoint: each of its instructions is then checked. */
    boolean watchesPage(long pc);
}
