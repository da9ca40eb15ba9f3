package dev.guestbench.vmm.memory;

/**
 * Tells the MMU which guest-physical pages hold decoded instructions, so that a guest store to one of them
 * (self-modifying code, a loader writing a new program) drops the stale decoding.
 */
public interface CodeWatch {

    /** Whether the page of {@code gpa} has decoded instructions. */
    boolean hasCode(long gpa);

    /** A store changed the page of {@code gpa}, which has decoded instructions. */
    void codeWritten(long gpa);
}
