package dev.guestbench.vmm.cpu;

import dev.guestbench.vmm.memory.PagingExit;

/**
 * Where the interpreter hands everything that leaves the fast path: privileged instructions, CSR accesses,
 * device accesses, exceptions and interrupts. The VMM (the exit package) implements it.
 *
 * <p>Contract: before a call the hart's state holds the pc of the instruction and the instructions retired
 * so far. Instruction handlers leave in the state the pc to continue at (the next instruction, or a trap
 * vector); a handler that delivered a trap sets {@link Vcpu#trapped} so the instruction does not retire.
 */
public interface ExitPort {

    /**
     * A CSR instruction ({@code op} is one of Op.CSRRW..CSRRCI; {@code src} is rs1's number or the zimm).
     * Returns true when it only read or wrote registers and moved the pc on: nothing the interpreter caches
     * (translation, privilege) changed and no interrupt can have become takeable, so it may go straight on.
     */
    boolean csr(Vcpu cpu, int op, int rd, int src, int csr, int bits);

    /** ECALL. */
    void ecall(Vcpu cpu, int bits);

    /** EBREAK (also C.EBREAK). */
    void ebreak(Vcpu cpu, int bits);

    /** MRET or SRET ({@code op} says which). */
    void xret(Vcpu cpu, int op, int bits);

    /** WFI. */
    void wfi(Vcpu cpu, int bits);

    /** SFENCE.VMA rs1, rs2 (register numbers). */
    void sfenceVma(Vcpu cpu, int rs1, int rs2, int bits);

    /** An instruction that is not one, or not allowed now. */
    void illegal(Vcpu cpu, int bits);

    /** A synchronous exception the interpreter found (fault of a load, store, fetch; misaligned atomic). */
    void exception(Vcpu cpu, int cause, long tval, int bits);

    /** A load from a device register at guest-physical {@code pa} (virtual {@code va}, the fault's tval); may deliver an access fault. */
    long mmioRead(Vcpu cpu, long va, long pa, int size, int bits);

    /** A store to a device register at guest-physical {@code pa} (virtual {@code va}); may deliver an access fault. */
    void mmioWrite(Vcpu cpu, long va, long pa, int size, long value, int bits);

    /** An exit memory virtualization took inside the VMM for {@code va}: recorded, invisible to the guest. */
    void pagingExit(Vcpu cpu, PagingExit kind, long va, long detail);
    /** Delivers the highest-priority pending and enabled interrupt, if any; true if one was taken. */
    boolean interrupt(Vcpu cpu);
}
