package dev.guestbench.vmm.debug;

import java.util.Locale;

/**
 * What stopped the VM at a watchpoint. The access has been done and its instruction retired: the hart's
 * pc is already past it (as gdb reports a watchpoint), {@code pc} is the instruction that accessed.
 *
 * @param hart the vCPU that accessed
 * @param pc the accessing instruction's address
 * @param watchpoint the watchpoint it hit
 * @param address the guest-virtual address accessed
 * @param physicalAddress the guest-physical address it translated to
 * @param size the bytes accessed (1, 2, 4 or 8)
 * @param read whether the access read
 * @param write whether the access wrote
 * @param before the accessed bytes before the access (zero-extended)
 * @param after the accessed bytes after it
 */
public record WatchHit(int hart, long pc, Watchpoint watchpoint, long address, long physicalAddress, int size,
        boolean read, boolean write, long before, long after) {

    /** "read", "write" or "read-write" (an atomic). */
    public String accessLabel() {
        return read && write ? "read-write" : write ? "write" : "read";
    }

    /** "write 0x80201000 (8 bytes): 0x0 -> 0x5 at pc 0x80200010", for a thread's label. */
    public String describe() {
        String value = write ? String.format(Locale.ROOT, "0x%x -> 0x%x", before, after)
                : String.format(Locale.ROOT, "0x%x", after);
        return String.format(Locale.ROOT, "%s 0x%x (%d byte%s): %s at pc 0x%x", accessLabel(), address, size,
                size == 1 ? "" : "s", value, pc);
    }
}
