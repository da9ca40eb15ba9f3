package dev.guestbench.vmm;

/**
 * The shape of one virtual machine: how much guest RAM, how many harts, how it boots.
 *
 * @param memoryBytes guest RAM size, a whole number of 4 KiB pages, at least 1 MiB
 * @param harts number of vCPUs, 1 to {@link #MAX_HARTS}
 * @param bootMode firmware (the guest starts in virtual M-mode) or direct (virtual S-mode, SBI answered
 *        by the hypervisor)
 */
public record VmConfig(long memoryBytes, int harts, BootMode bootMode) {

    /** The most harts a VM may have; the CLINT and PLIC layouts of QEMU virt are sized for this many. */
    public static final int MAX_HARTS = 8;

    /** How the guest is started. */
    public enum BootMode {
        /** Full virtualization: firmware (or a bare-metal kernel) runs in virtual M-mode. */
        FIRMWARE,
        /** Paravirtualization: the kernel runs in virtual S-mode and SBI calls are hypercalls. */
        DIRECT
    }

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
        if (bootMode == null) {
            throw new IllegalArgumentException("boot mode missing");
        }
    }

    /** The default machine: 128 MiB, one hart, direct boot (as `guestbench run --kernel` will use). */
    public static VmConfig defaults() {
        return new VmConfig(128L << 20, 1, BootMode.DIRECT);
    }
}
