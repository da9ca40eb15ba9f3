package dev.guestbench.cli;

/** The arguments of a command do not fit its synopsis. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
