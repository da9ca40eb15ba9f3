package dev.guestbench.asm.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

import dev.guestbench.asm.ide.editor.EditorSession;
import dev.guestbench.asm.ide.formatting.ColumnLayout;

/** The formatter aligns columns, keeps what it cannot take apart, and leaves well-formatted files alone. */
class ColumnLayoutTest {

    @Test
    void aLineIsAlignedInColumns() {
        assertEquals("    addi    a0, a0, 1", ColumnLayout.format("addi a0,a0,1"));
        assertEquals("loop: addi    a0, a0, -1", ColumnLayout.format("loop:addi a0 , a0, -1"));
        assertEquals("1:  bnez    a0, 1b", ColumnLayout.format("1: bnez a0,1b"));
        assertEquals("    sd      ra, 8(sp)" + " ".repeat(11) + "# save", ColumnLayout.format("  sd ra,8(sp)   # save"));
        assertEquals("_start:", ColumnLayout.format("_start:   "));
        assertEquals("    .asciz  \"a, b # c\"", ColumnLayout.format(".asciz \"a, b # c\""));
        assertEquals("    li      a0, ','", ColumnLayout.format("li a0,','"));
        assertEquals("    ret", ColumnLayout.format("\tret"));
        assertEquals("# a comment alone", ColumnLayout.format("# a comment alone   "));
        assertEquals("", ColumnLayout.format("   \t"));
        assertEquals("  nop; nop", ColumnLayout.format("  nop; nop"), "two statements stay as written");
    }

    @Test
    void theExamplesAreAlreadyFormatted() throws IOException {
        Path examples = Path.of(System.getProperty("guestbench.examples.dir", "../../examples"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(p -> p.toString().endsWith(".S")).toList();
        }
        for (Path file : files) {
            String text = Files.readString(file);
            assertEquals(text, ColumnLayout.formatText(text), file.toString());
        }
    }

    @Test
    void theFormattingServiceEditsOnlyWhatChanges() {
        String text = "_start:\n    la      sp, top\naddi a0,a0,1\n";
        EditorSession session = Sessions.open(text);
        List<TextEdit> edits = session.format(0, text.length());
        assertEquals(1, edits.size(), edits.toString());
        String formatted = session.document().applyChanges(edits).getContents();
        assertEquals("_start:\n    la      sp, top\n    addi    a0, a0, 1\n", formatted);
    }
}
