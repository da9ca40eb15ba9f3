package dev.guestbench.vmm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.guestbench.vmm.boot.BootException;
import dev.guestbench.vmm.boot.BootSpec;
import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.exit.Disposition;
import dev.guestbench.vmm.exit.ExitReason;
import dev.guestbench.vmm.exit.TrapHistory;
import dev.guestbench.vmm.memory.HostMemory;
import dev.guestbench.vmm.memory.OutOfHostMemoryException;
import dev.guestbench.vmm.memory.PageTableDump;
import dev.guestbench.vmm.memory.ShadowPaging;

/**
 * {@code guestbench run}: boots a guest from command-line arguments and runs it to its end. The command
 * line calls this, and so do tests that want exactly what a user gets.
 */
public final class GuestRun {

    /** Exit status for bad usage or a guest that cannot be booted. */
    public static final int BAD_USAGE = 125;

    private static final String HELP = String.join("\n",
            "  --bios builtin    direct boot: the kernel runs in S-mode, the hypervisor answers SBI calls (default)",
            "  --bios none       the kernel (a bare-metal ELF) runs in M-mode from its entry",
            "  --bios FILE       firmware (ELF or raw binary at 0x80000000) runs in M-mode, e.g. OpenSBI",
            "  --kernel FILE     the kernel: an ELF at its addresses, a raw image at 0x80200000",
            "  --initrd FILE     an initial ramdisk, placed as QEMU places it and named in the device tree",
            "  --dtb FILE        a device tree to hand the guest instead of the generated one",
            "  --append ARGS     the kernel command line (the device tree's bootargs)",
            "  -m SIZE           guest RAM, e.g. 128M (the default) or 2G",
            "  --smp N           number of harts (1 to 8)",
            "  --paging MODE     shadow (the default: shadow page tables) or nested (a G-stage table, 2-D walks)",
            "  --stats           print exits per reason, paging counters and MIPS on stderr at the end",
            "  --dump-pt         print the guest's and the hypervisor's page tables on stderr at the end",
            "  --trace-traps F   write the trap history as CSV to F",
            "  --trap-history N  how many exits and traps the history keeps",
            "  --max-insns N     stop (status 124) after N instructions (retired or trapped)",
            "  --interpret       never translate code to JVM bytecode (slower; to compare with the translator)",
            "The UART is stdin/stdout; Ctrl-A X quits. Exit status: the guest's finisher code (0 on pass),",
            "0 after an SBI shutdown, 124 at the instruction limit, 125 when the guest cannot be booted.");

    private GuestRun() {
    }

    /** The usage line of the command. */
    public static String usage() {
        return "guestbench run [--bios builtin|none|FILE] [--kernel FILE] [--initrd FILE] [--dtb FILE] [--append ARGS]"
                + " [-m SIZE] [--smp N] [--paging shadow|nested] [--stats] [--dump-pt] [--trace-traps FILE] [--trap-history N]"
                + " [--max-insns N] [--interpret]";
    }

    /**
     * Runs the guest that {@code args} (the arguments after {@code run}) describe, with {@code in} as the
     * UART's input and {@code out} as its output; messages and statistics go to {@code err}. Returns the
     * exit status: the test finisher's code (0 on pass), 0 after an SBI shutdown, 124 when --max-insns ran
     * out, 125 for bad usage or a guest that cannot be booted. Never throws for any guest.
     */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println("usage: " + usage());
            out.println(HELP);
            return 0;
        }
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("guestbench run: " + e.getMessage());
            err.println("usage: " + usage());
            return BAD_USAGE;
        }
        BootSpec boot;
        VmConfig config;
        try {
            boot = options.bootSpec(GuestRun::readImage);
            config = new VmConfig(options.memoryBytes(), options.harts(), options.trapHistorySize(),
                    VmConfig.DEFAULT_INSTRUCTIONS_PER_TICK, !options.interpretOnly(), options.paging());
        } catch (BootException | IllegalArgumentException e) {
            err.println("guestbench run: " + e.getMessage());
            return BAD_USAGE;
        }
        try (StreamConsole console = StreamConsole.open(in, out)) {
            HostMemory host = new HostMemory(hostCapacity(config));
            Vm vm;
            try {
                vm = new Vm(config, boot, console, host, console);
            } catch (BootException e) {
                err.println("guestbench run: " + e.getMessage());
                return BAD_USAGE;
            }
            console.onQuit(vm::stop);
            RunResult result;
            try {
                result = vm.run(options.maxInstructions());
            } catch (OutOfHostMemoryException e) {
                err.println("guestbench run: " + e.getMessage());
                return BAD_USAGE;
            } catch (RuntimeException e) {
                // No guest may cause this; if one does, say so in one line rather than with a stack trace.
                err.println("guestbench run: internal error (a bug in Guestbench, please report it): " + e);
                return BAD_USAGE;
            }
            console.flush();
            if (result.ending() == RunResult.Ending.IDLE_FOREVER) {
                err.println("guestbench run: every hart waits for an interrupt and nothing is left to raise one");
            }
            if (options.stats()) {
                printStats(err, vm, result);
            }
            if (options.dumpPageTables()) {
                for (Vcpu cpu : vm.vcpus()) {
                    PageTableDump.print(err, cpu.hartId(), vm.paging().snapshot(cpu.state.satp, cpu.state.mstatus));
                }
            }
            if (options.traceTraps() != null) {
                try (Writer w = Files.newBufferedWriter(options.traceTraps(), StandardCharsets.UTF_8)) {
                    vm.trapHistory().writeCsv(w);
                } catch (IOException e) {
                    err.println("guestbench run: cannot write " + options.traceTraps() + ": " + e.getMessage());
                    return BAD_USAGE;
                }
            }
            vm.release();
            return result.exitStatus();
        }
    }

    private static long hostCapacity(VmConfig config) {
        // Frames are allocated on first touch; the guest may touch all of its RAM, but no more than the heap holds.
        long heap = Runtime.getRuntime().maxMemory();
        // Beyond RAM: room for the shadow tables (capped) or the G-stage table.
        long paging = (ShadowPaging.MAX_FRAMES + 2048L) * HostMemory.FRAME_SIZE;
        return Math.max(HostMemory.FRAME_SIZE, Math.min(config.memoryBytes() + paging, heap - (heap >>> 3)));
    }

    private static BootSpec.Image readImage(String option, String file) throws BootException {
        Path path = Path.of(file);
        try {
            if (Files.isDirectory(path)) {
                throw new BootException(option + " " + file + ": is a directory");
            }
            return new BootSpec.Image(file, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new BootException(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new BootException(option + " " + file + ": cannot read: " + e.getMessage());
        }
    }

    private static void printStats(PrintStream err, Vm vm, RunResult result) {
        TrapHistory h = vm.trapHistory();
        err.printf(Locale.ROOT, "guestbench: retired %d instructions in %.3f s (%.1f MIPS), %d hart%s%n",
                result.instructions(), result.hostNanos() / 1e9, result.mips(), vm.config().harts(),
                vm.config().harts() == 1 ? "" : "s");
        err.printf(Locale.ROOT, "guestbench: %d exits, virtual time %d ticks, %d code pages decoded, %d invalidated,"
                + " %d blocks translated%n", h.total(), vm.clock().mtime(), vm.decodeCache().decodedPages(),
                vm.decodeCache().invalidations(), vm.translatedBlocks());
        err.println(vm.paging().counters().statsLine());
        err.println("exit reason          count");
        for (ExitReason r : ExitReason.values()) {
            if (h.count(r) > 0) {
                err.printf(Locale.ROOT, "  %-16s %9d%n", r.label(), h.count(r));
            }
        }
        err.println("disposition          count");
        for (Disposition d : Disposition.values()) {
            if (h.count(d) > 0) {
                err.printf(Locale.ROOT, "  %-16s %9d%n", d.label(), h.count(d));
            }
        }
    }
}
