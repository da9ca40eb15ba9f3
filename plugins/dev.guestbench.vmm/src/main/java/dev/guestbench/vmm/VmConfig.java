package dev.guestbench.vmm;

import dev.guestbench.vmm.exit.TrapHistory;
import dev.guestbench.vmm.memory.PagingMode;

/**
 * The shape of one virtual machine.
 *
 * @param memoryBytes guest RAM size, a whole number of 4 KiB pages, at least 1 MiB
 * @param harts number of vCPUs, 1 to {@link #MAX_HARTS}
 * @param trapHistorySize how many exits and traps the trap history keeps
 * @param instructionsPerTick how many instructions a hart retires per tick of the 10 MHz timebase (10 gives
 *        harts of 100 MIPS in virtual time)
 * @param translate translate hot basic blocks to JVM bytecode (false: interpret everything, the reference the
 *        translator is tested against)
 * @param paging how the guest's page tables are virtualized: shadow tables or nested paging
 */
public record VmConfig(long memoryBytes, int harts, int trapHistorySize, long instructionsPerTick,
        boolean translate, PagingMode paging) {

    /** The most harts a VM may have; the CLINT and PLIC layouts of QEMU virt are sized for this many. */
    public static final int MAX_HARTS = 8;
    /** QEMU's default RAM size. */
    public static final long DEFAULT_MEMORY = 128L << 20;
    /** Default virtual speed: 100 MIPS against a 10 MHz mtime. */
    public static final long DEFAULT_INSTRUCTIONS_PER_TICK = 10;

    public VmConfig {
        if (memoryBytes < (1L << 20) || (memoryBytes & 0xfff) != 0) {
            throw new IllegalArgumentException(
                    "guest memory must be a multiple of 4 KiB and at least 1 MiB, not " + memoryBytes + " bytes");
        }
        if (memoryBytes > MachineLimits.MAX_RAM_BYTES) {
            throw new IllegalArgumentException("guest memory of " + memoryBytes + " bytes exceeds the "
                    + MachineLimits.MAX_RAM_BYTES + "-byte limit of the virt layout");
        }
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("a VM has 1 to " + MAX_HARTS + " harts, not " + harts);
        }
        if (trapHistorySize < 1) {
            throw new IllegalArgumentException("the trap history needs room for at least 1 record, not "
                    + trapHistorySize);
        }
        if (paging == null) {
            throw new IllegalArgumentException("a VM needs a paging mode (shadow or nested)");
        }
        if (instructionsPerTick < 1) {
            throw new IllegalArgumentException("instructions per tick must be at least 1, not " + instructionsPerTick);
        }
    }

    /** A machine of {@code memoryBytes} and {@code harts} with the default history and speed. */
    public static VmConfig of(long memoryBytes, int harts) {
        return new VmConfig(memoryBytes, harts, TrapHistory.DEFAULT_CAPACITY, DEFAULT_INSTRUCTIONS_PER_TICK, true,
                PagingMode.SHADOW);
    }

    /** The same machine, interpreted only ({@code translate} false) or with translation. */
    public VmConfig withTranslation(boolean on) {
        return new VmConfig(memoryBytes, harts, trapHistorySize, instructionsPerTick, on, paging);
    }

    /** The same machine with another paging mode. */
    public VmConfig withPaging(PagingMode mode) {
        return new VmConfig(memoryBytes, harts, trapHistorySize, instructionsPerTick, translate, mode);
    }

    /** The default machine: 128 MiB, one hart. */
    public static VmConfig defaults() {
        return of(DEFAULT_MEMORY, 1);
    }
}
