import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import dev.guestbench.vmm.RunResult;
import dev.guestbench.vmm.Vm;
import dev.guestbench.vmm.VmConfig;
import dev.guestbench.vmm.boot.BootSpec;
import dev.guestbench.vmm.device.ConsoleIo;
import dev.guestbench.vmm.memory.HostMemory;

/** MIPS of a bare-metal kernel run by Vm.run with no debugger, to compare two builds: PlainRun KERNEL.elf [runs]. */
public final class PlainRun {

    public static void main(String[] args) throws Exception {
        byte[] elf = Files.readAllBytes(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ConsoleIo quiet = new ConsoleIo() {
            @Override
            public void write(int b) {
            }

            @Override
            public int read() {
                return -1;
            }
        };
        double[] mips = new double[runs];
        for (int i = 0; i < runs; i++) {
            VmConfig c = VmConfig.of(128L << 20, 1);
            BootSpec boot = new BootSpec(BootSpec.Firmware.NONE, null, new BootSpec.Image("kernel.elf", elf), null, null,
                    null);
            Vm vm = new Vm(c, boot, quiet, new HostMemory(c.memoryBytes()), () -> false);
            RunResult r = vm.run(Long.MAX_VALUE);
            mips[i] = r.mips();
        }
        Arrays.sort(mips);
        System.out.printf(Locale.ROOT, "%-48s median %10.3f  min %10.3f  max %10.3f  (%d runs)%n", "plain Vm.run (MIPS)",
                mips[runs / 2], mips[0], mips[runs - 1], runs);
    }
}
