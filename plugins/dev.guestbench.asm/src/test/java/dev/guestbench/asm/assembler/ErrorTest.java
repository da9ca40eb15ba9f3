package dev.guestbench.asm.assembler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors carry file, line, column and a message a person understands; no executable is made. */
class ErrorTest {

    private static AssemblyResult assemble(String text) {
        return new Assembler(AssemblerOptions.defaults()).assemble(List.of(new SourceFile("k.s", text)));
    }

    private static String only(String text) {
        AssemblyResult r = assemble(text);
        assertFalse(r.ok(), "expected an error");
        assertNull(r.elf(), "no executable when there are errors");
        assertEquals(1, r.diagnostics().size(), () -> "one diagnostic: " + r.diagnostics());
        return r.diagnostics().get(0).toString();
    }

    @Test
    void immediateOutOfRange() {
        assertEquals("k.s:2:15: error: immediate 5000 out of range -2048..2047 for addi",
                only("_start:\n\taddi a0, a0, 5000\n"));
    }

    @Test
    void unknownInstructionAndDirective() {
        assertEquals("k.s:1:3: error: unknown instruction 'frob'", only("  frob a0\n"));
        assertEquals("k.s:1:2: error: unknown directive .frobnicate", only("\t.frobnicate 3\n"));
    }

    @Test
    void operandCountAndRegisters() {
        assertEquals("k.s:1:2: error: add takes 3 operands (add rd, rs1, rs2), got 2", only("\tadd a0, a1\n"));
        assertEquals("k.s:1:11: error: expected a base register in parentheses for lw, got 'q7'",
                only("\tlw a0, 4(q7)\n"));
        assertEquals("k.s:1:10: error: expected an integer register for add (rs1), got 'f1'",
                only("\tadd a0, f1, a2\n"));
        assertEquals("k.s:1:7: error: register a6 (x16) is not one of x8..x15 for c.lw (rd)",
                only("\tc.lw a6, 0(a0)\n"));
    }

    @Test
    void shiftsCsrsAndData() {
        assertEquals("k.s:1:15: error: shift amount 64 out of range 0..63 for slli", only("\tslli a0, a0, 64\n"));
        assertEquals("k.s:1:11: error: unknown CSR 'notacsr'", only("\tcsrr a0, notacsr\n"));
        assertEquals("k.s:1:8: error: value 300 does not fit in 1 byte", only("\t.byte 300\n"));
    }

    @Test
    void symbols() {
        assertEquals("k.s:2:1: error: symbol 'dup' is already defined at line 1", only("dup:\ndup:\n"));
        assertEquals("k.s:1:9: error: undefined symbol 'nowhere'", only("\tla a0, nowhere\n"));
        assertEquals("k.s:1:14: error: undefined symbol '1 (numeric label)'", only("\tbeq a0, a1, 1f\n"));
    }

    @Test
    void jumpOutOfRange() {
        String d = only("_start:\n\tj far\n\t.space 2000000\nfar:\n\tret\n");
        assertTrue(d.startsWith("k.s:2:2: error: offset 2000004 out of range -1048576..1048574 for jal"), d);
    }

    @Test
    void errorsInIncludedAndMacroLines() {
        AssemblyResult r = new Assembler(AssemblerOptions.defaults()).assemble(List.of(
                new SourceFile("main.S", "#include \"defs.h\"\n\t.macro bad\n\taddi a0, a0, BIG\n\t.endm\n\tbad\n"),
                new SourceFile("defs.h", "#define BIG 9999\n")));
        assertEquals("main.S:5:15: error: immediate 9999 out of range -2048..2047 for addi",
                r.diagnostics().get(0).toString());
    }

    @Test
    void manyErrorsAreAllReportedInOrder() {
        AssemblyResult r = assemble("\tfrob\n\taddi a0, a0, 5000\n\t.frob\n");
        assertEquals(3, r.diagnostics().size(), r.diagnostics()::toString);
        assertEquals(List.of(1, 2, 3), r.diagnostics().stream().map(AsmDiagnostic::line).toList());
    }

    @Test
    void checkGivesDiagnosticsOnly() {
        List<AsmDiagnostic> d = new Assembler(AssemblerOptions.defaults())
                .check(List.of(new SourceFile("k.s", "\taddi a0, a0, 5000\n")));
        assertEquals(1, d.size());
        assertEquals(AsmDiagnostic.Severity.ERROR, d.get(0).severity());
        assertEquals(15, d.get(0).column());
        assertEquals(4, d.get(0).length());
    }

    @Test
    void badInputNeverCrashes() {
        for (String junk : List.of("\t.word (", "((((", "\tli a0, 1 +", "\tadd ,,,", ":", "\t.rept -1\n.endr",
                "\t.macro\n", "\t.endm\n", "\"", "\tsw a0, %hi(x)(a1)", "\t.align 99")) {
            AssemblyResult r = assemble(junk + "\n");
            assertFalse(r.ok(), junk);
            assertTrue(r.diagnostics().stream().noneMatch(x -> x.message().startsWith("internal error")),
                    () -> junk + ": " + r.diagnostics());
        }
    }

    @Test
    void linkerScriptErrors() {
        AssemblerOptions o = AssemblerOptions.defaults().withLinkerScript("SECTIONS {\n  . = 0x80000000;\n  .text : { *(.text) } > RAM\n}\n");
        AssemblyResult r = new Assembler(o).assemble(List.of(new SourceFile("k.s", "\tnop\n")));
        assertEquals("<linker script>:3:24: error: memory regions (> REGION) are not supported",
                r.diagnostics().get(0).toString());
        o = AssemblerOptions.defaults().withLinkerScript("SECTIONS { . = 0x80000000; .text : { *(.text) } }");
        r = new Assembler(o).assemble(List.of(new SourceFile("k.s", "\tnop\n\t.data\n\t.word 1\n")));
        assertEquals("k.s:1:1: error: section .data is not placed by the linker script", r.diagnostics().get(0).toString());
        assertNull(r.elf());
    }

    @Test
    void warningsDoNotStopTheBuild() {
        AssemblyResult r = assemble("_start:\n\t.warning \"check this\"\n\tnop\n");
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertEquals("k.s:2:2: warning: check this", r.diagnostics().get(0).toString());
        assertTrue(r.elf() != null && r.elf().length > 0);
    }
}
