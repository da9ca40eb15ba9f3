package dev.guestbench.asm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.google.inject.Injector;

import dev.guestbench.asm.ide.AsmIdeSetup;
import dev.guestbench.asm.ide.analysis.Analysis;
import dev.guestbench.asm.ide.analysis.DocumentAnalyzer;
import dev.guestbench.asm.ide.analysis.Highlight;
import dev.guestbench.asm.ide.analysis.Problem;
import dev.guestbench.asm.ide.highlighting.AsmHighlightingStyles;

/** The assembly language's services, run inside OSGi as the IDE runs them. */
class AsmLanguageOsgiTest {

    private static DocumentAnalyzer analyzer;

    @BeforeAll
    static void createInjector() {
        Injector injector = new AsmIdeSetup().createInjectorAndDoEMFRegistration();
        analyzer = injector.getInstance(DocumentAnalyzer.class);
    }

    @Test
    void runsInsideOsgi() {
        Bundle bundle = FrameworkUtil.getBundle(DocumentAnalyzer.class);
        assertTrue(bundle != null, "DocumentAnalyzer should come from a bundle");
        assertEquals("dev.guestbench.asm.ide", bundle.getSymbolicName());
        assertTrue(bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING,
                "dev.guestbench.asm.ide should be started, its state is " + bundle.getState());
    }

    @Test
    void aCorrectProgramHasNoProblems() {
        Analysis analysis = analyzer.analyse("""
                # a comment
                    .text
                    .globl _start
                _start:
                    la      sp, stack_top
                    addi    a0, zero, 42     // another comment
                1:  csrr    t0, mstatus
                    sd      t0, 8(sp)
                    beqz    a0, 1b
                    lui     a1, %hi(msg)
                msg:
                    .asciz  "hi\\n"
                stack_top:
                """, "ok.S", () -> false);
        assertEquals(List.of(), analysis.problems());
    }

    @Test
    void anUnknownMnemonicIsAnErrorAtItsPlace() {
        Analysis analysis = analyzer.analyse("start:\n    adi a0, a0, 1\n", "bad.S", () -> false);
        assertEquals(1, analysis.problems().size(), analysis.problems().toString());
        Problem p = analysis.problems().get(0);
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertTrue(p.message().startsWith("unknown instruction 'adi'; did you mean"), p.message());
        assertEquals(2, p.line());
        assertEquals(5, p.column());
        assertEquals("start:\n    ".length(), p.offset());
        assertEquals(3, p.length());
    }

    @Test
    void aSyntaxErrorIsAnError() {
        Analysis analysis = analyzer.analyse("    addi a0, , 1\n", "bad.S", () -> false);
        assertTrue(analysis.hasErrors(), analysis.problems().toString());
        assertEquals(1, analysis.problems().get(0).line());
    }

    @Test
    void highlightsComeFromTheIsaTable() {
        String text = "loop: addi a0, a0, 1 # count\n      csrw mstatus, t1\n      li t2, 0x10\n      .word 7\n";
        List<Highlight> highlights = analyzer.analyse(text, "h.S", () -> false).highlights();
        assertHighlighted(text, highlights, "loop", AsmHighlightingStyles.LABEL);
        assertHighlighted(text, highlights, "addi", AsmHighlightingStyles.MNEMONIC);
        assertHighlighted(text, highlights, "a0", AsmHighlightingStyles.REGISTER);
        assertHighlighted(text, highlights, "# count", AsmHighlightingStyles.COMMENT);
        assertHighlighted(text, highlights, "csrw", AsmHighlightingStyles.PSEUDO);
        assertHighlighted(text, highlights, "mstatus", AsmHighlightingStyles.CSR);
        assertHighlighted(text, highlights, "li", AsmHighlightingStyles.PSEUDO);
        assertHighlighted(text, highlights, "0x10", AsmHighlightingStyles.NUMBER);
        assertHighlighted(text, highlights, ".word", AsmHighlightingStyles.DIRECTIVE);
        assertFalse(highlights.stream().anyMatch(h -> text.substring(h.offset(), h.offset() + h.length()).equals("1")
                && h.style().equals(AsmHighlightingStyles.REGISTER)));
    }

    private static void assertHighlighted(String text, List<Highlight> highlights, String token, String style) {
        int offset = text.indexOf(token);
        assertTrue(highlights.contains(new Highlight(offset, token.length(), style)),
                "'" + token + "' at " + offset + " should be " + style + " in " + highlights);
    }
}
