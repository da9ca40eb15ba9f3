package dev.guestbench.asm.assembler;

/** A problem found in a source, with a 1-based line and column and the length of the offending text. */
public record AsmDiagnostic(String path, int line, int column, int length, Severity severity, String message) {

    /** How bad a diagnostic is. */
    public enum Severity {
        ERROR, WARNING
    }

    /** The GNU style one-line form: {@code file:line:col: error: message}. */
    @Override
    public String toString() {
        return path + ":" + line + ":" + column + ": " + (severity == Severity.ERROR ? "error" : "warning") + ": "
                + message;
    }
}
