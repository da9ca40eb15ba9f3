package dev.guestbench.vmm.exit;

import dev.guestbench.vmm.cpu.Vcpu;

/** The hypervisor's answer to an ECALL from the guest's S-mode in direct boot: the SBI as hypercalls. */
public interface Hypercalls {

    /**
     * Handles the SBI call in the hart's a0..a7 (extension in a7, function in a6), leaving the error in a0
     * and the value in a1. Returns the record detail (extension << 32 | function) for the trap history.
     */
    long call(Vcpu cpu);
}
