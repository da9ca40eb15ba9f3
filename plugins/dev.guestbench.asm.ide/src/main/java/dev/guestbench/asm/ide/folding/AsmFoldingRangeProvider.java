package dev.guestbench.asm.ide.folding;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.eclipse.xtext.ide.editor.folding.FoldingRange;
import org.eclipse.xtext.ide.editor.folding.FoldingRangeKind;
import org.eclipse.xtext.ide.editor.folding.IFoldingRangeProvider;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.Line;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.symbols.SymbolTable;

/**
 * Folding: blocks of two or more comment lines, the body of each label up to the next label or section,
 * and macro definitions (.macro to .endm).
 */
public class AsmFoldingRangeProvider implements IFoldingRangeProvider {

    private static final java.util.Set<String> SECTION_DIRECTIVES = java.util.Set.of(".text", ".data", ".bss",
            ".rodata", ".section");

    @Override
    public SortedSet<FoldingRange> getFoldingRanges(XtextResource resource, CancelIndicator cancel) {
        SortedSet<FoldingRange> out = new TreeSet<>((a, b) -> a.getOffset() != b.getOffset()
                ? Integer.compare(a.getOffset(), b.getOffset()) : Integer.compare(b.getLength(), a.getLength()));
        if (resource.getParseResult() == null) {
            return out;
        }
        String text = resource.getParseResult().getRootNode().getText();
        comments(text, out);
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Program program)) {
            return out;
        }
        List<int[]> bounds = new ArrayList<>(); // [offset, isLabel]
        int macroStart = -1;
        for (Line line : program.getLines()) {
            for (Label l : line.getLabels()) {
                if (l.getName() != null && !SymbolTable.isNumeric(l.getName())) {
                    bounds.add(new int[] { NodeModelUtils.getNode(l).getOffset(), 1 });
                }
            }
            Statement s = line.getStatement();
            if (s != null && s.getOperation() != null) {
                int offset = NodeModelUtils.getNode(s).getOffset();
                if (SECTION_DIRECTIVES.contains(s.getOperation())) {
                    bounds.add(new int[] { offset, 0 });
                } else if (s.getOperation().equals(".macro")) {
                    macroStart = offset;
                } else if (s.getOperation().equals(".endm") && macroStart >= 0) {
                    add(out, text, macroStart, NodeModelUtils.getNode(s).getEndOffset(), FoldingRangeKind.REGION);
                    macroStart = -1;
                }
            }
        }
        bounds.add(new int[] { text.length(), 0 });
        for (int i = 0; i + 1 < bounds.size(); i++) {
            if (bounds.get(i)[1] == 1) {
                add(out, text, bounds.get(i)[0], trimEnd(text, bounds.get(i + 1)[0]), FoldingRangeKind.REGION);
            }
        }
        return out;
    }

    /** Runs of whole-line comments. */
    private static void comments(String text, SortedSet<FoldingRange> out) {
        int runStart = -1;
        int runEnd = -1;
        int lines = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end).strip();
            if (line.startsWith("#") || line.startsWith("//")) {
                if (runStart < 0) {
                    runStart = start;
                    lines = 0;
                }
                runEnd = end;
                lines++;
            } else {
                if (runStart >= 0 && lines >= 2) {
                    add(out, text, runStart, runEnd, FoldingRangeKind.COMMENT);
                }
                runStart = -1;
            }
            start = end + 1;
        }
        if (runStart >= 0 && lines >= 2) {
            add(out, text, runStart, runEnd, FoldingRangeKind.COMMENT);
        }
    }

    /** Backs up over the blank lines and comments that lead into the next block. */
    private static int trimEnd(String text, int end) {
        int e = end;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static void add(SortedSet<FoldingRange> out, String text, int start, int end, FoldingRangeKind kind) {
        if (end > start && text.substring(start, end).indexOf('\n') >= 0) {
            out.add(new FoldingRange(start, end - start, kind));
        }
    }
}
