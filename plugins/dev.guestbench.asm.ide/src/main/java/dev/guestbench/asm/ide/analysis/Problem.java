package dev.guestbench.asm.ide.analysis;

/**
 * An error or warning found in a document, located by offset and by 1-based line and column; {@code code}
 * is the validator's issue code (null for syntax errors), which quick fixes are chosen by.
 */
public record Problem(Severity severity, String message, int offset, int length, int line, int column, String code) {

    /** A problem without an issue code. */
    public Problem(Severity severity, String message, int offset, int length, int line, int column) {
        this(severity, message, offset, length, line, column, null);
    }

    /** How bad a problem is. */
    public enum Severity {
        ERROR, WARNING, INFO
    }
}
