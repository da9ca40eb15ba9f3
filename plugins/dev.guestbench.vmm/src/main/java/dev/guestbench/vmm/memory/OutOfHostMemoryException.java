package dev.guestbench.vmm.memory;

/** The host has no free frame left for a guest's first touch of a page. */
public final class OutOfHostMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfHostMemoryException(int capacityFrames) {
        super("host memory exhausted: all " + capacityFrames + " frames are in use");
    }
}
