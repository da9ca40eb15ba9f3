package dev.guestbench.vmm.sbi;

import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.device.ConsoleIo;
import dev.guestbench.vmm.device.PowerControl;
import dev.guestbench.vmm.device.VirtualClock;
import dev.guestbench.vmm.memory.GuestPhysicalMap;

/** What the SBI of direct boot needs from the machine around it. */
public interface SbiMachine {

    /** The harts, indexed by hart id. */
    java.util.List<Vcpu> harts();

    /** The console the SBI debug console and legacy putchar write to. */
    ConsoleIo console();

    /** Power off and reset. */
    PowerControl power();

    /** The machine's time base. */
    VirtualClock clock();

    /** Guest RAM, for calls that pass buffers by physical address. */
    GuestPhysicalMap ram();
}
