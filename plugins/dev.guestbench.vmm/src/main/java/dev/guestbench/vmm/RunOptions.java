package dev.guestbench.vmm;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.guestbench.vmm.boot.BootException;
import dev.guestbench.vmm.boot.BootSpec;
import dev.guestbench.vmm.exit.TrapHistory;
import dev.guestbench.vmm.memory.PagingMode;

/** The options of {@code guestbench run}, with QEMU's names and meanings where QEMU has them. */
record RunOptions(String bios, String kernel, String initrd, String dtb, String append, long memoryBytes, int harts,
        boolean stats, Path traceTraps, int trapHistorySize, long maxInstructions, boolean interpretOnly,
        PagingMode paging, boolean dumpPageTables) {

    /** Reads an image file for an option (or says why it cannot). */
    interface ImageReader {
        BootSpec.Image read(String option, String file) throws BootException;
    }

    static RunOptions parse(List<String> args) {
        String bios = null;
        String kernel = null;
        String initrd = null;
        String dtb = null;
        String append = null;
        long memory = VmConfig.DEFAULT_MEMORY;
        int harts = 1;
        boolean stats = false;
        Path trace = null;
        int historySize = TrapHistory.DEFAULT_CAPACITY;
        long maxInstructions = Long.MAX_VALUE;
        boolean interpretOnly = false;
        PagingMode paging = PagingMode.SHADOW;
        boolean dumpPageTables = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--stats" -> stats = true;
                case "--interpret" -> interpretOnly = true;
                case "--dump-pt" -> dumpPageTables = true;
                case "--paging" -> paging = PagingMode.parse(value(args, ++i, a));
                case "--bios", "-bios" -> bios = value(args, ++i, a);
                case "--kernel", "-kernel" -> kernel = value(args, ++i, a);
                case "--initrd", "-initrd" -> initrd = value(args, ++i, a);
                case "--dtb", "-dtb" -> dtb = value(args, ++i, a);
                case "--append", "-append" -> append = value(args, ++i, a);
                case "-m", "--memory" -> memory = size(value(args, ++i, a));
                case "--smp", "-smp" -> harts = (int) number(value(args, ++i, a), a, 1, VmConfig.MAX_HARTS);
                case "--trace-traps" -> trace = Path.of(value(args, ++i, a));
                case "--trap-history" -> historySize = (int) number(value(args, ++i, a), a, 1, 1 << 26);
                case "--max-insns" -> maxInstructions = number(value(args, ++i, a), a, 1, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (kernel == null && (bios == null || bios.equals("builtin") || bios.equals("none"))) {
            throw new IllegalArgumentException(bios == null ? "nothing to run: give --kernel FILE or --bios FILE"
                    : "--bios " + bios + " needs --kernel FILE");
        }
        if (bios == null) {
            bios = "builtin";
        }
        return new RunOptions(bios, kernel, initrd, dtb, append, memory, harts, stats, trace, historySize,
                maxInstructions, interpretOnly, paging, dumpPageTables);
    }

    /** The boot description, with the images read. */
    BootSpec bootSpec(ImageReader reader) throws BootException {
        BootSpec.Firmware firmware = switch (bios) {
            case "builtin" -> BootSpec.Firmware.BUILTIN;
            case "none" -> BootSpec.Firmware.NONE;
            default -> BootSpec.Firmware.IMAGE;
        };
        return new BootSpec(firmware,
                firmware == BootSpec.Firmware.IMAGE ? reader.read("--bios", bios) : null,
                kernel == null ? null : reader.read("--kernel", kernel),
                initrd == null ? null : reader.read("--initrd", initrd),
                dtb == null ? null : reader.read("--dtb", dtb),
                append);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static long number(String text, String option, long min, long max) {
        long v;
        try {
            v = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + text + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }

    /** QEMU's -m syntax: a number with an optional K, M, G or T suffix; a bare number is in MiB. */
    static long size(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1L << 20;
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.isEmpty()) {
            char last = t.charAt(t.length() - 1);
            long u = switch (last) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                case 'G' -> 1L << 30;
                case 'T' -> 1L << 40;
                default -> 0;
            };
            if (u != 0) {
                unit = u;
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            long n = Long.parseLong(t);
            if (n <= 0 || n > (1L << 40) / unit) {
                throw new IllegalArgumentException("-m " + text + " is out of range");
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-m takes a size such as 128M or 2G, not '" + text + "'");
        }
    }
}
