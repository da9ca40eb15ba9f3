package dev.guestbench.vmm.boot;

import java.util.List;

import dev.guestbench.vmm.device.DeviceRegister;
import dev.guestbench.vmm.device.Inspectable;
import dev.guestbench.vmm.device.MmioDevice;

/**
 * The mask ROM of the virt board at 0x1000: QEMU's reset vector followed by the start address, the device
 * tree address and the fw_dynamic information block that OpenSBI's fw_dynamic reads through a2. Harts do
 * not execute it here (they start at the firmware with the registers it would set); it is there to be read.
 */
public final class ResetRom implements MmioDevice, Inspectable {

    /** Guest-physical base of the ROM. */
    public static final long BASE = 0x1000;
    /** Where the fw_dynamic information block lies (what a2 holds at firmware entry). */
    public static final long FW_DYNAMIC_INFO = BASE + 0x28;
    private static final int SIZE = 0xf000;
    /** "OSBI", fw_dynamic's magic. */
    private static final long FW_DYNAMIC_MAGIC = 0x4942534fL;
    private static final long FW_DYNAMIC_VERSION = 2;
    private static final long NEXT_MODE_S = 1;

    private final byte[] bytes = new byte[0x58];

    /**
     * @param firmwareEntry where the reset vector jumps
     * @param dtbAddress the device tree's address (a1)
     * @param nextAddress where fw_dynamic should start the next stage (the kernel), in S-mode
     */
    public ResetRom(long firmwareEntry, long dtbAddress, long nextAddress) {
        // auipc t0, 0; addi a2, t0, 0x28; csrr a0, mhartid; ld a1, 32(t0); ld t0, 24(t0); jr t0
        int[] code = { 0x00000297, 0x02828613, 0xf1402573, 0x0202b583, 0x0182b283, 0x00028067 };
        for (int i = 0; i < code.length; i++) {
            put(4 * i, 4, code[i]);
        }
        put(0x18, 8, firmwareEntry);
        put(0x20, 8, dtbAddress);
        put(0x28, 8, FW_DYNAMIC_MAGIC);
        put(0x30, 8, FW_DYNAMIC_VERSION);
        put(0x38, 8, nextAddress);
        put(0x40, 8, NEXT_MODE_S);
        // Options (0x48) and boot hart (0x50) stay 0: no special options, hart 0 boots.
    }

    private void put(int offset, int size, long value) {
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    @Override
    public String name() {
        return "mrom";
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public long read(long offset, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = value << 8 | (byteAt(offset + i) & 0xff);
        }
        return value;
    }

    private int byteAt(long offset) {
        return offset >= 0 && offset < bytes.length ? bytes[(int) offset] : 0;
    }

    @Override
    public void write(long offset, int width, long value) {
        // ROM: writes are ignored.
    }

    /** The words the boot code and fw_dynamic read. */
    @Override
    public List<DeviceRegister> registers() {
        return List.of(new DeviceRegister("", "start address", 0x18, 8, read(0x18, 8), "where the reset vector jumps"),
                new DeviceRegister("", "device tree", 0x20, 8, read(0x20, 8), "a1 at firmware entry"),
                new DeviceRegister("", "fw_dynamic next address", 0x38, 8, read(0x38, 8), "the kernel, entered in S-mode"));
    }
}
