package dev.guestbench.asm.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.folding.FoldingRange;
import org.eclipse.xtext.ide.server.Document;
import org.junit.jupiter.api.Test;

import dev.guestbench.asm.ide.analysis.Problem;
import dev.guestbench.asm.ide.editor.EditorSession;

/** The ide services as an editor calls them: assist, hover, outline, folding, navigation, rename, fixes. */
class EditorServicesTest {

    private static final String KERNEL = """
            # A small kernel.
            # Two comment lines fold.
                .equ    UART, 0x10000000
                .text
                .globl  _start
            _start:
                la      sp, stack_top
                call    putc
            1:  j       1b
            putc:
                li      t0, UART
                sb      a0, 0(t0)
                ret
                .bss
            stack_top:
            """;

    private static List<String> proposals(String text, int offset) {
        return Sessions.open(text).complete(offset).stream().map(ContentAssistEntry::getProposal).toList();
    }

    @Test
    void mnemonicsAreProposedWithTheirOperandTemplates() {
        String text = "    add";
        List<ContentAssistEntry> entries = Sessions.open(text).complete(text.length());
        ContentAssistEntry addi = entries.stream().filter(e -> e.getProposal().startsWith("addi ")).findFirst()
                .orElseThrow(() -> new AssertionError("no addi in " + entries));
        assertEquals("addi rd, rs1, imm", addi.getProposal());
        assertEquals("add", addi.getPrefix());
        assertEquals(3, addi.getEditPositions().size(), "rd, rs1 and imm are placeholders");
        assertNotNull(addi.getDescription());
        assertTrue(entries.stream().allMatch(e -> e.getProposal().startsWith("add")), entries.toString());
        assertEquals("add rd, rs1, rs2", entries.get(0).getProposal(), "the machine instruction's own form first");
    }

    @Test
    void directivesAreProposedAfterADot() {
        String text = "    .ba";
        assertEquals(List.of(".balign"), proposals(text, text.length()));
    }

    @Test
    void registersCsrsAndLabelsFitTheOperand() {
        String csr = "    csrr t0, mst";
        List<String> csrs = proposals(csr, csr.length());
        assertTrue(csrs.contains("mstatus"), csrs.toString());
        assertFalse(csrs.contains("t0"), "no registers where a CSR goes: " + csrs);

        String reg = "    addi a";
        List<String> regs = proposals(reg, reg.length());
        assertTrue(regs.containsAll(List.of("a0", "a7")), regs.toString());

        String fp = "    fadd.d f";
        List<String> fps = proposals(fp, fp.length());
        assertTrue(fps.contains("fa0") && !fps.contains("a0"), fps.toString());

        String text = KERNEL + "    j pu";
        List<String> labels = proposals(text, text.length());
        assertEquals(List.of("putc"), labels);

        String base = "    ld a0, 8(s";
        List<String> bases = proposals(base, base.length());
        assertTrue(bases.contains("sp") && bases.contains("s0"), bases.toString());
    }

    @Test
    void labelsOfOtherFilesAreInScope() {
        String text = "    call hel";
        EditorSession session = Sessions.open(text, "    .globl helper\nhelper:\n    ret\n");
        assertEquals(List.of("helper"), session.complete(text.length()).stream().map(ContentAssistEntry::getProposal)
                .toList());
    }

    @Test
    void nothingIsProposedInAComment() {
        String text = "    nop # add";
        assertEquals(List.of(), proposals(text, text.length()));
    }

    @Test
    void hoverExplainsInstructionsCsrsRegistersAndLabels() {
        EditorSession session = Sessions.open(KERNEL + "    csrr t1, mstatus\n    addi a0, a0, 1\n");
        String text = session.document().getContents();
        String addi = session.hover(text.indexOf("addi") + 1);
        assertNotNull(addi);
        assertTrue(addi.contains("addi rd, rs1, imm"), addi);
        assertTrue(addi.contains("-2048..2047"), "the immediate's range: " + addi);
        assertTrue(addi.contains("Encoding"), addi);

        String mstatus = session.hover(text.indexOf("mstatus") + 2);
        assertTrue(mstatus.contains("CSR 0x300"), mstatus);
        assertTrue(mstatus.contains("MIE"), "mstatus fields: " + mstatus);

        String la = session.hover(text.indexOf("la ") + 1);
        assertTrue(la.contains("la rd, symbol"), la);

        String label = session.hover(text.indexOf("putc\n") + 1);
        assertTrue(label.contains("label `putc`, line 10"), label);

        assertTrue(session.hover(text.indexOf("sp,") + 1).contains("stack pointer"));
        assertNull(session.hover(1), "nothing to say about a comment");
    }

    @Test
    void theOutlineHoldsSectionsLabelsAndConstants() {
        List<DocumentSymbol> outline = Sessions.open(KERNEL).outline();
        assertEquals(List.of("UART", ".text", ".bss"), outline.stream().map(DocumentSymbol::getName).toList());
        DocumentSymbol text = outline.get(1);
        assertEquals(List.of("_start", "putc"), text.getChildren().stream().map(DocumentSymbol::getName).toList());
        assertEquals(5, text.getChildren().get(0).getSelectionRange().getStart().getLine());
        assertEquals(List.of("stack_top"), outline.get(2).getChildren().stream().map(DocumentSymbol::getName).toList());
    }

    @Test
    void commentsAndLabelBodiesFold() {
        EditorSession session = Sessions.open(KERNEL);
        Document doc = session.document();
        List<int[]> lines = session.folding().stream().map((FoldingRange r) -> new int[] {
                doc.getPosition(r.getOffset()).getLine(), doc.getPosition(r.getOffset() + r.getLength()).getLine() })
                .toList();
        assertTrue(lines.stream().anyMatch(l -> l[0] == 0 && l[1] == 1), "the comment block folds");
        assertTrue(lines.stream().anyMatch(l -> l[0] == 5 && l[1] == 8), "_start's body folds: " + lines.stream()
                .map(l -> l[0] + "-" + l[1]).toList());
    }

    @Test
    void definitionAndReferencesWorkAcrossFiles() {
        String main = "    .globl _start\n_start:\n    call helper\n    j helper\n";
        String other = "    .globl helper\nhelper:\n    ret\n";
        EditorSession session = Sessions.open(main, other);
        List<Location> definitions = session.definitions(main.indexOf("helper") + 2);
        assertEquals(1, definitions.size(), definitions.toString());
        assertEquals("mem:/other0.S", definitions.get(0).getUri());
        assertEquals(1, definitions.get(0).getRange().getStart().getLine());

        List<Location> references = session.references(main.indexOf("helper"));
        assertEquals(4, references.size(), "two uses, the .globl and the label: " + references);

        List<Location> local = session.definitions(main.length());
        assertEquals(List.of(), local, "nothing at the end");
    }

    @Test
    void renameChangesEveryFile() {
        String main = "_start:\n    call helper\n";
        String other = "helper:\n    ret\n";
        EditorSession session = Sessions.open(main, other);
        WorkspaceEdit edit = session.rename(main.indexOf("helper"), "print");
        assertEquals(1, edit.getChanges().get("mem:/main.S").size());
        assertEquals(1, edit.getChanges().get("mem:/other0.S").size());
        TextEdit e = edit.getChanges().get("mem:/other0.S").get(0);
        assertEquals("print", e.getNewText());
        assertEquals(0, e.getRange().getStart().getCharacter());
        assertEquals(6, e.getRange().getEnd().getCharacter());
        assertThrows(RuntimeException.class, () -> session.rename(main.indexOf("helper"), "a0"));
    }

    @Test
    void quickFixesReplaceAMisspeltMnemonicOrLabel() {
        EditorSession session = Sessions.open("loop:\n    adi a0, a0, 1\n    j lop\n");
        List<Problem> problems = session.analyse(() -> false).problems();
        assertEquals(2, problems.size(), problems.toString());
        List<CodeAction> mnemonicFixes = session.fixes(problems.get(0));
        assertTrue(mnemonicFixes.stream().anyMatch(a -> a.getTitle().equals("Change to 'addi'")),
                mnemonicFixes.stream().map(CodeAction::getTitle).toList().toString());
        CodeAction addi = mnemonicFixes.stream().filter(a -> a.getTitle().equals("Change to 'addi'")).findFirst()
                .get();
        String applied = session.document().applyChanges(addi.getEdit().getChanges().get("mem:/main.S"))
                .getContents();
        assertEquals("loop:\n    addi a0, a0, 1\n    j lop\n", applied);

        List<CodeAction> labelFixes = session.fixes(problems.get(1));
        assertEquals("Change to 'loop'", labelFixes.get(0).getTitle());
    }
}
