package dev.guestbench.asm.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Validation from the ISA table: mnemonics, operands, immediates, labels. */
class AsmValidatorTest {

    @Test
    void theExamplesHaveNoProblems() throws IOException {
        Path examples = Path.of(System.getProperty("guestbench.examples.dir", "../../examples"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(p -> p.toString().endsWith(".S")).toList();
        }
        assertTrue(files.size() >= 2, "examples under " + examples.toAbsolutePath());
        for (Path file : files) {
            assertEquals(List.of(), Sources.messages(Files.readString(file)), file.toString());
        }
    }

    @Test
    void aCorrectProgramWithEveryOperandShapeIsAccepted() {
        assertEquals(List.of(), Sources.messages("""
                    .equ    N, 4
                    .text
                _start:
                    addi    a0, a0, -2048
                    slli    t0, t1, 63
                    lui     a1, 0xfffff
                    lui     a1, %hi(data)
                    addi    a1, a1, %lo(data)
                    lw      a2, 8(sp)
                    lw      a2, (sp)
                    sd      a2, -8(s0)
                    lw      a3, data
                    amoadd.w.aqrl a0, a1, (a2)
                    lr.d    t0, (a0)
                    fadd.d  fa0, fa1, fa2, rtz
                    fmadd.s ft0, ft1, ft2, ft3
                    fence   rw, rw
                    fence
                    csrrw   t0, mstatus, t1
                    csrr    t0, 0x300
                    csrwi   mie, 8
                    sfence.vma
                    li      t0, 0x123456789abcdef0
                    la      t1, data
                    call    _start
                    beq     a0, a1, 1f
                    addi    a0, a0, N
                1:  j       1b
                    ret
                    .data
                data:
                    .dword  _start, data + 8
                """));
    }

    @Test
    void anUnknownMnemonicSuggestsTheNearestOnes() {
        List<String> messages = Sources.messages("    adi a0, a0, 1\n");
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("unknown instruction 'adi'; did you mean 'add"), messages.get(0));
        assertTrue(messages.get(0).contains("'addi'"), messages.get(0));
    }

    @Test
    void anImmediateOutOfRangeSaysTheRange() {
        assertEquals(List.of("immediate 4096 out of range -2048..2047 for addi"),
                Sources.messages("    addi a0, a0, 4096\n"));
        assertEquals(List.of("shift amount 64 out of range 0..63 for slli"), Sources.messages("    slli a0, a0, 64\n"));
        assertEquals(List.of("offset -2049 out of range -2048..2047 for ld"), Sources.messages("    ld a0, -2049(sp)\n"));
        assertEquals(List.of("immediate 0x100000 out of range 0x0..0xfffff for lui"),
                Sources.messages("    lui a0, 0x100000\n"));
    }

    @Test
    void aWrongOperandKindIsNamed() {
        assertEquals(List.of("addi expects an immediate as imm, not register a2"),
                Sources.messages("    addi a0, a1, a2\n"));
        assertEquals(List.of("fadd.s expects a floating-point register as rd, not register a0"),
                Sources.messages("    fadd.s a0, fa1, fa2\n"));
        assertEquals(List.of("ld expects a memory operand offset(rs1), not register a1"),
                Sources.messages("    ld a0, a1\n"));
    }

    @Test
    void aWrongOperandCountListsTheForms() {
        List<String> messages = Sources.messages("    add a0, a1\n");
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("add takes 3 operands, not 2: add rd, rs1, rs2"), messages.get(0));
    }

    @Test
    void undefinedAndDuplicateLabels() {
        assertEquals(List.of("undefined symbol 'lop'; did you mean 'loop'?"),
                Sources.messages("loop:\n    j lop\n"));
        assertEquals(List.of("'loop' is already defined on line 1"), Sources.messages("loop:\n    nop\nloop:\n    j loop\n"));
        assertEquals(List.of("no label 2: after this line"), Sources.messages("2:  j 2f\n"));
        assertEquals(List.of(), Sources.messages("    .extern _end\n    la a0, _end\n"));
    }

    @Test
    void aLabelOfAnotherFileIsDefined() {
        List<XtextResource> files = Sources.load("    call helper\n", "    .globl helper\nhelper:\n    ret\n");
        List<Issue> issues = Sources.issues(files.get(0));
        assertEquals(List.of(), issues.stream().map(Issue::getMessage).toList());
    }

    @Test
    void problemsPointAtTheOperand() {
        String text = "start:\n    addi a0, a0, 5000\n";
        Issue issue = Sources.issues(Sources.load(text).get(0)).get(0);
        assertEquals(2, issue.getLineNumber());
        assertEquals(text.indexOf("5000"), issue.getOffset());
        assertEquals(4, issue.getLength());
        assertEquals(OperandChecker.OUT_OF_RANGE, issue.getCode());
    }
}
