package dev.guestbench.asm.assembler;

import java.util.List;
import java.util.Map;

/**
 * What assembling gives: diagnostics, and when there are no errors the executable, the symbol
 * values and the line table (address to path:line) for the debugger.
 */
public record AssemblyResult(List<AsmDiagnostic> diagnostics, byte[] elf, byte[] object, Map<String, Long> symbols,
        List<LineEntry> lineTable) {

    /** True if there is no error (warnings allowed). */
    public boolean ok() {
        return diagnostics.stream().noneMatch(d -> d.severity() == AsmDiagnostic.Severity.ERROR);
    }
}
