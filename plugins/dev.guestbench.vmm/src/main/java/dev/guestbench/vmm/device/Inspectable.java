package dev.guestbench.vmm.device;

import java.util.List;

/**
 * A device whose registers a debugger can show. Inspection is read-only and free of side effects: it pops
 * no FIFO, acknowledges no interrupt, claims nothing and pulls no console input, so the guest sees the same
 * device afterwards. It may be called from any thread while the machine runs.
 */
public interface Inspectable {

    /** The device's registers and internal state as they are now, in the order a datasheet lists them. */
    List<DeviceRegister> registers();
}
