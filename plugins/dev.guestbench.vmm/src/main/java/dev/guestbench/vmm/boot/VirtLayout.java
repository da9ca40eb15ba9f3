package dev.guestbench.vmm.boot;

/**
 * Guest-physical addresses of QEMU's RISC-V {@code virt} board, which our machine copies so that firmware
 * and kernels built for {@code virt} run unmodified.
 */
public final class VirtLayout {
    /** SiFive test finisher: write 0x5555 to pass, (code << 16) | 0x3333 to fail, 0x7777 to reset. */
    public static final long TEST_FINISHER = 0x0010_0000L;
    /** ACLINT/CLINT: msip, mtimecmp, mtime. */
    public static final long CLINT = 0x0200_0000L;
    /** Platform-level interrupt controller. */
    public static final long PLIC = 0x0c00_0000L;
    /** UART0, an ns16550a. */
    public static final long UART0 = 0x1000_0000L;
    /** Interrupt line of UART0 at the PLIC. */
    public static final int UART0_IRQ = 10;
    /** The first virtio-mmio slot; the others follow at {@link #VIRTIO_STRIDE}. */
    public static final long VIRTIO_BASE = 0x1000_1000L;
    /** Distance between virtio-mmio slots. */
    public static final long VIRTIO_STRIDE = 0x1000L;
    /** Number of virtio-mmio slots (IRQs 1 to 8). */
    public static final int VIRTIO_SLOTS = 8;
    /** Start of guest RAM, where firmware starts. */
    public static final long RAM_BASE = 0x8000_0000L;
    /** Where firmware expects the next stage (the kernel) in RAM. */
    public static final long KERNEL_BASE = 0x8020_0000L;
    /** mtime frequency that the device tree advertises as timebase-frequency. */
    public static final long TIMEBASE_HZ = 10_000_000L;

    private VirtLayout() {
    }

    /** Guest-physical base of virtio-mmio slot {@code n} (0-based). */
    public static long virtioSlot(int n) {
        if (n < 0 || n >= VIRTIO_SLOTS) {
            throw new IllegalArgumentException("virtio slot " + n + " outside 0.." + (VIRTIO_SLOTS - 1));
        }
        return VIRTIO_BASE + n * VIRTIO_STRIDE;
    }
}
