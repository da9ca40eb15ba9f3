package dev.guestbench.vmm.device;

import java.util.List;

/**
 * The SiFive test finisher ("sifive,test0"), through which a guest ends the run: a write to offset 0 whose
 * low 16 bits are 0x5555 passes, 0x3333 fails with the exit code in bits 16 to 31, 0x7777 resets. As in
 * QEMU, only 2- and 4-byte writes count; everything else is ignored and reads return 0.
 */
public final class TestFinisher implements MmioDevice, Inspectable {

    /** Size of the register block. */
    public static final long SIZE = 0x1000;
    /** Status that reports failure; the exit code sits in bits 16 to 31. */
    public static final int FAIL = 0x3333;
    /** Status that reports success. */
    public static final int PASS = 0x5555;
    /** Status that asks for a reset. */
    public static final int RESET = 0x7777;

    private final PowerControl power;
    /** The last status the guest wrote (a 2- or 4-byte write to offset 0), for the debugger; -1 before any. */
    private volatile long lastWritten = -1;

    /** A finisher that reports to {@code power}. */
    public TestFinisher(PowerControl power) {
        this.power = power;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public long read(long offset, int width) {
        return 0;
    }

    @Override
    public void write(long offset, int width, long value) {
        // QEMU accepts 2- and 4-byte accesses only; the status is the low half-word.
        if (offset != 0 || (width != 2 && width != 4)) {
            return;
        }
        lastWritten = value & (width == 2 ? 0xffffL : 0xffff_ffffL);
        switch ((int) value & 0xffff) {
            case PASS -> power.pass();
            case FAIL -> power.fail((int) (value >>> 16) & 0xffff);
            case RESET -> power.reset();
            default -> {
                // Other values are not commands.
            }
        }
    }

    /** The status register: write-only, so the value last written and what it asked for. */
    @Override
    public List<DeviceRegister> registers() {
        long v = lastWritten;
        String meaning;
        if (v < 0) {
            meaning = "nothing written yet (write-only; reads 0)";
        } else {
            meaning = switch ((int) v & 0xffff) {
                case PASS -> "last written: pass";
                case FAIL -> "last written: fail with code " + (v >>> 16);
                case RESET -> "last written: reset";
                default -> "last written: not a command";
            };
        }
        return List.of(new DeviceRegister("", "status", 0, 4, Math.max(v, 0), meaning));
    }
}
