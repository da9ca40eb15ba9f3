package dev.guestbench.vmm.memory;

import java.util.Locale;

/** How a VM virtualizes the guest's page tables: the two classic techniques, chosen per VM. */
public enum PagingMode {
    /** The VMM keeps tables that map guest-virtual straight to host frames, coherent with the guest's own. */
    SHADOW,
    /** A hypervisor-owned second-stage (G-stage) table under the guest's, walked in two dimensions. */
    NESTED;

    /** The name on the command line and in launch configurations. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode called {@code name} ("shadow" or "nested"). */
    public static PagingMode parse(String name) {
        for (PagingMode m : values()) {
            if (m.optionName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--paging takes shadow or nested, not '" + name + "'");
    }
}
