package dev.guestbench.asm.ide.analysis;

/**
 * An error or warning found in a document, located by offset and by 1-based line and column.
 */
public record Problem(Severity severity, String message, int offset, int length, int line, int column) {

    /** How bad a problem is. */
    public enum Severity {
        ERROR, WARNING, INFO
    }
}
