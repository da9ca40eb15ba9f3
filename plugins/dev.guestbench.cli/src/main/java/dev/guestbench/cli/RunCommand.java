package dev.guestbench.cli;

import java.io.PrintStream;
import java.util.List;

import dev.guestbench.vmm.GuestRun;

/** {@code guestbench run}: boots a guest kernel on the hypervisor, its UART on stdin/stdout. */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return GuestRun.usage().substring("guestbench run ".length());
    }

    @Override
    public String summary() {
        return "boot a guest (firmware, or a kernel with the built-in SBI) on the hypervisor";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        // Statuses 124 and 125 and every guest code pass through, as QEMU's exit status does.
        return GuestRun.run(List.of(args), System.in, out, err);
    }
}
