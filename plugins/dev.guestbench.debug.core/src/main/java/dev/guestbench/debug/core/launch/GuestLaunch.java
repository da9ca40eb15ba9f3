package dev.guestbench.debug.core.launch;

/** The attributes of a "Guest kernel" launch configuration, with their defaults. */
public final class GuestLaunch {

    /** The workspace project. */
    public static final String PROJECT = "dev.guestbench.launch.project";
    /** The kernel: a project-relative path to an ELF or to an assembly source (.S, .s), assembled before launch. */
    public static final String KERNEL = "dev.guestbench.launch.kernel";
    /** The firmware: {@link #FIRMWARE_BUILTIN}, {@link #FIRMWARE_NONE} or {@link #FIRMWARE_FILE}. */
    public static final String FIRMWARE = "dev.guestbench.launch.firmware";
    /** The firmware image's file-system path when {@link #FIRMWARE} is {@link #FIRMWARE_FILE}. */
    public static final String FIRMWARE_PATH = "dev.guestbench.launch.firmwarePath";
    /** An initial ramdisk's file-system path, or empty. */
    public static final String INITRD = "dev.guestbench.launch.initrd";
    /** The kernel command line (the device tree's bootargs). */
    public static final String COMMAND_LINE = "dev.guestbench.launch.cmdline";
    /** Guest RAM in MiB. */
    public static final String MEMORY_MB = "dev.guestbench.launch.memoryMb";
    /** Number of vCPUs. */
    public static final String HARTS = "dev.guestbench.launch.harts";
    /** "shadow" or "nested". */
    public static final String PAGING = "dev.guestbench.launch.paging";
    /** Records the trap history keeps. */
    public static final String TRAP_HISTORY = "dev.guestbench.launch.trapHistory";
    /** Debug mode: stop before the first instruction. */
    public static final String STOP_AT_ENTRY = "dev.guestbench.launch.stopAtEntry";

    public static final String FIRMWARE_BUILTIN = "builtin";
    public static final String FIRMWARE_NONE = "none";
    public static final String FIRMWARE_FILE = "file";

    public static final int DEFAULT_MEMORY_MB = 128;
    public static final int DEFAULT_HARTS = 1;
    public static final String DEFAULT_PAGING = "shadow";
    /** A million records: what the Trap History view is built to hold. */
    public static final int DEFAULT_TRAP_HISTORY = 1 << 20;

    private GuestLaunch() {
    }
}
