package dev.guestbench.vmm.boot;

/**
 * What to boot: the firmware choice and the images (already read into memory), as `guestbench run` and
 * the launch configuration describe them.
 *
 * @param firmware builtin SBI (direct boot), none (a bare-metal kernel in M-mode) or a firmware image
 * @param bios the firmware image when {@code firmware} is {@link Firmware#IMAGE}, else null
 * @param kernel the kernel image, or null
 * @param initrd the initial ramdisk, or null
 * @param dtb a device tree that replaces the generated one, or null
 * @param bootargs the kernel command line for /chosen/bootargs, or null
 */
public record BootSpec(Firmware firmware, Image bios, Image kernel, Image initrd, Image dtb, String bootargs) {

    /** How the machine starts. */
    public enum Firmware {
        /** Direct boot: the kernel runs in virtual S-mode and the hypervisor answers SBI calls. */
        BUILTIN,
        /** No firmware: the kernel runs in virtual M-mode from its entry. */
        NONE,
        /** A firmware image (OpenSBI, U-Boot) runs in virtual M-mode from 0x80000000. */
        IMAGE
    }

    /** A named image file's bytes. */
    public record Image(String name, byte[] bytes) {
    }

    public BootSpec {
        if (firmware == null) {
            throw new IllegalArgumentException("firmware choice missing");
        }
        if (firmware == Firmware.IMAGE && bios == null) {
            throw new IllegalArgumentException("a firmware image is needed");
        }
        if (firmware != Firmware.IMAGE && kernel == null) {
            throw new IllegalArgumentException("--bios " + firmware.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs a --kernel to run");
        }
    }
}
