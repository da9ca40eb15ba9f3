package dev.guestbench.vmm.boot;

/** A guest cannot be booted as asked: a file that cannot be read or placed. The message is one line. */
public final class BootException extends Exception {
    private static final long serialVersionUID = 1L;

    public BootException(String message) {
        super(message);
    }

    public BootException(String message, Throwable cause) {
        super(message, cause);
    }
}
