import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.guestbench.vmm.VmConfig;
import dev.guestbench.vmm.boot.BootSpec;
import dev.guestbench.vmm.debug.DebugListener;
import dev.guestbench.vmm.debug.SuspendEvent;
import dev.guestbench.vmm.debug.TrapFilter;
import dev.guestbench.vmm.debug.VmDebugger;
import dev.guestbench.vmm.debug.Watchpoint;
import dev.guestbench.vmm.exit.ExitReason;
import dev.guestbench.vmm.memory.HostMemory;

/**
 * The debugger's speed figures, run by hand (see bench/README.md):
 *   debugged KERNEL.elf [runs]  the same kernel under a VmDebugger: no breakpoints, then one in an unvisited page,
 *                               then one watchpoint on an unvisited page
 *   terminate SPIN.elf [runs]   ms from VmDebugger.terminate() to the VM's end, for a guest looping forever
 *   step ECALLS.elf             ms per instruction step (request to suspend event) once 100,000 exits are recorded
 */
public final class DebuggerBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        byte[] elf = Files.readAllBytes(Path.of(args[1]));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        switch (mode) {
            case "debugged" -> debugged(elf, runs);
            case "terminate" -> terminate(elf, runs);
            case "step" -> step(elf);
            default -> throw new IllegalArgumentException("mode: debugged, terminate or step");
        }
    }

    private static BootSpec bare(byte[] elf) {
        return new BootSpec(BootSpec.Firmware.NONE, null, new BootSpec.Image("kernel.elf", elf), null, null, null);
    }

    private static BootSpec direct(byte[] elf) {
        return new BootSpec(BootSpec.Firmware.BUILTIN, null, new BootSpec.Image("kernel.elf", elf), null, null, null);
    }

    private static void debugged(byte[] elf, int runs) throws Exception {
        String[] setups = {"VmDebugger, no breakpoints (MIPS)", "VmDebugger, one breakpoint elsewhere (MIPS)",
            "VmDebugger, one watchpoint elsewhere (MIPS)"};
        for (int setup = 0; setup < setups.length; setup++) {
            double[] mips = new double[runs];
            for (int i = 0; i < runs; i++) {
                VmDebugger d = new VmDebugger(VmConfig.of(128L << 20, 1), bare(elf), new HostMemory(128L << 20));
                if (setup == 1) {
                    d.addBreakpoint(0xbfff_f000L); // a page the kernel never runs
                } else if (setup == 2) {
                    d.addWatchpoint(new Watchpoint(0x87ff_f000L, 8, Watchpoint.Kind.ACCESS, false)); // never touched
                }
                long before = d.retired(0);
                long t0 = System.nanoTime();
                d.start(false);
                d.awaitTermination(10, TimeUnit.MINUTES);
                mips[i] = (d.retired(0) - before) * 1e3 / (System.nanoTime() - t0);
            }
            report(setups[setup], mips);
        }
    }

    private static void terminate(byte[] elf, int runs) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            VmDebugger d = VmDebugger.boot(VmConfig.of(128L << 20, 1), direct(elf));
            d.start(false);
            Thread.sleep(300);
            long t0 = System.nanoTime();
            d.terminate();
            if (!d.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not terminated in 10 s");
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        report("terminate a runaway guest (ms)", ms);
    }

    private static void step(byte[] elf) throws Exception {
        VmDebugger d = VmDebugger.boot(new VmConfig(128L << 20, 1, 1 << 20, VmConfig.DEFAULT_INSTRUCTIONS_PER_TICK,
                true, dev.guestbench.vmm.memory.PagingMode.SHADOW), direct(elf));
        List<CountDownLatch> latch = new ArrayList<>(List.of(new CountDownLatch(1)));
        d.addListener(new DebugListener() {
            @Override
            public void suspended(SuspendEvent event) {
                latch.get(0).countDown();
            }
        });
        d.start(false);
        while (d.trapHistory().total() < 100_000) {
            Thread.sleep(10);
        }
        d.suspend();
        latch.get(0).await();
        System.out.printf(Locale.ROOT, "trap records: %,d%n", d.trapHistory().total());
        d.addTrapBreakpoint(new TrapFilter(Set.of(ExitReason.ECALL), -1, -1, -1, -1, -1));
        double[] ms = new double[200];
        for (int i = 0; i < ms.length; i++) {
            latch.set(0, new CountDownLatch(1));
            long t0 = System.nanoTime();
            d.stepInstruction(0);
            latch.get(0).await();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        report("instruction step, request to suspend event (ms)", ms);
        d.terminate();
    }

    private static void report(String what, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%-48s median %10.3f  min %10.3f  max %10.3f  (%d runs)%n", what,
                v[v.length / 2], v[0], v[v.length - 1], v.length);
    }
}
