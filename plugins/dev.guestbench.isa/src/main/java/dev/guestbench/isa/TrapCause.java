package dev.guestbench.isa;

/** The interrupt and exception codes found in mcause and scause. */
public enum TrapCause {
    /** Supervisor software interrupt. */
    SUPERVISOR_SOFTWARE_INTERRUPT(true, 1, "supervisor software interrupt"),
    /** Virtual supervisor software interrupt (hypervisor extension). */
    VIRTUAL_SUPERVISOR_SOFTWARE_INTERRUPT(true, 2, "virtual supervisor software interrupt"),
    /** Machine software interrupt. */
    MACHINE_SOFTWARE_INTERRUPT(true, 3, "machine software interrupt"),
    /** Supervisor timer interrupt. */
    SUPERVISOR_TIMER_INTERRUPT(true, 5, "supervisor timer interrupt"),
    /** Virtual supervisor timer interrupt (hypervisor extension). */
    VIRTUAL_SUPERVISOR_TIMER_INTERRUPT(true, 6, "virtual supervisor timer interrupt"),
    /** Machine timer interrupt. */
    MACHINE_TIMER_INTERRUPT(true, 7, "machine timer interrupt"),
    /** Supervisor external interrupt. */
    SUPERVISOR_EXTERNAL_INTERRUPT(true, 9, "supervisor external interrupt"),
    /** Virtual supervisor external interrupt (hypervisor extension). */
    VIRTUAL_SUPERVISOR_EXTERNAL_INTERRUPT(true, 10, "virtual supervisor external interrupt"),
    /** Machine external interrupt. */
    MACHINE_EXTERNAL_INTERRUPT(true, 11, "machine external interrupt"),
    /** Supervisor guest external interrupt (hypervisor extension). */
    SUPERVISOR_GUEST_EXTERNAL_INTERRUPT(true, 12, "supervisor guest external interrupt"),
    /** Local counter-overflow interrupt (Sscofpmf). */
    COUNTER_OVERFLOW_INTERRUPT(true, 13, "local counter-overflow interrupt"),
    /** The pc of a fetched instruction was not suitably aligned. */
    INSTRUCTION_ADDRESS_MISALIGNED(false, 0, "instruction address misaligned"),
    /** Fetching an instruction hit an access fault. */
    INSTRUCTION_ACCESS_FAULT(false, 1, "instruction access fault"),
    /** The instruction is illegal or not allowed here. */
    ILLEGAL_INSTRUCTION(false, 2, "illegal instruction"),
    /** ebreak or a hardware breakpoint. */
    BREAKPOINT(false, 3, "breakpoint"),
    /** A load address was misaligned. */
    LOAD_ADDRESS_MISALIGNED(false, 4, "load address misaligned"),
    /** A load hit an access fault. */
    LOAD_ACCESS_FAULT(false, 5, "load access fault"),
    /** A store or AMO address was misaligned. */
    STORE_ADDRESS_MISALIGNED(false, 6, "store/AMO address misaligned"),
    /** A store or AMO hit an access fault. */
    STORE_ACCESS_FAULT(false, 7, "store/AMO access fault"),
    /** ecall executed in user mode. */
    ECALL_FROM_U(false, 8, "environment call from U-mode"),
    /** ecall executed in supervisor mode. */
    ECALL_FROM_S(false, 9, "environment call from S-mode"),
    /** ecall executed in virtual supervisor mode (hypervisor extension). */
    ECALL_FROM_VS(false, 10, "environment call from VS-mode"),
    /** ecall executed in machine mode. */
    ECALL_FROM_M(false, 11, "environment call from M-mode"),
    /** Instruction fetch page fault. */
    INSTRUCTION_PAGE_FAULT(false, 12, "instruction page fault"),
    /** Load page fault. */
    LOAD_PAGE_FAULT(false, 13, "load page fault"),
    /** Store or AMO page fault. */
    STORE_PAGE_FAULT(false, 15, "store/AMO page fault"),
    /** Instruction guest-page fault (hypervisor extension). */
    INSTRUCTION_GUEST_PAGE_FAULT(false, 20, "instruction guest-page fault"),
    /** Load guest-page fault (hypervisor extension). */
    LOAD_GUEST_PAGE_FAULT(false, 21, "load guest-page fault"),
    /** Virtual instruction (hypervisor extension). */
    VIRTUAL_INSTRUCTION(false, 22, "virtual instruction"),
    /** Store or AMO guest-page fault (hypervisor extension). */
    STORE_GUEST_PAGE_FAULT(false, 23, "store/AMO guest-page fault");

    private final boolean interrupt;
    private final int code;
    private final String title;

    TrapCause(boolean interrupt, int code, String title) {
        this.interrupt = interrupt;
        this.code = code;
        this.title = title;
    }

    /** True for interrupts (the top bit of xcause set). */
    public boolean isInterrupt() {
        return interrupt;
    }

    /** The exception or interrupt code. */
    public int code() {
        return code;
    }

    /** A human-readable name, e.g. "illegal instruction". */
    public String title() {
        return title;
    }

    /** The value an RV64 xcause register holds for this cause. */
    public long causeValue() {
        return interrupt ? (1L << 63) | code : code;
    }

    /** The cause an RV64 xcause value encodes, or null if the code is reserved or custom. */
    public static TrapCause of(long causeValue) {
        boolean irq = causeValue < 0;
        long code = causeValue & Long.MAX_VALUE;
        for (TrapCause c : values()) {
            if (c.interrupt == irq && c.code == code) {
                return c;
            }
        }
        return null;
    }
}
