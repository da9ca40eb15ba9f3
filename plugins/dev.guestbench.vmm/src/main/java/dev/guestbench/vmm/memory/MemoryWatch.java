package dev.guestbench.vmm.memory;

/**
 * A debugger's data watchpoints as an {@link Mmu}'s slow path consults them. The MMU keeps every page this
 * watch names out of its micro TLB, so accesses to those pages (from the interpreter and from translated
 * code alike) take the slow path and are reported here; accesses to other pages, and every access while no
 * watch is installed, cost nothing more.
 */
public interface MemoryWatch {

    /**
     * Whether an access of kind {@code access} ({@link Access#LOAD} or {@link Access#STORE}) to the page of
     * guest-virtual {@code va}, which translated to guest-physical {@code pa}, may hit a watchpoint.
     */
    boolean watchesPage(long va, long pa, int access);

    /**
     * A RAM access of {@code size} bytes at {@code va} ({@code pa}) by {@code hart} in a watched page, just
     * done: it read and/or wrote; {@code before} and {@code after} are the bytes there (zero-extended)
     * before and after it.
     */
    void accessed(MmuContext hart, long va, long pa, int size, boolean read, boolean write, long before, long after);
}
