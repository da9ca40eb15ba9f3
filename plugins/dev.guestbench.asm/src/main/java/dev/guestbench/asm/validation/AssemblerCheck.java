package dev.guestbench.asm.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;

import dev.guestbench.asm.Vocabulary;
import dev.guestbench.asm.assembler.AsmDiagnostic;
import dev.guestbench.asm.assembler.Assembler;
import dev.guestbench.asm.assembler.AssemblerOptions;
import dev.guestbench.asm.assembler.SourceFile;
import dev.guestbench.asm.model.Line;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;

/**
 * What only assembling can tell (branch targets out of reach, directive arguments, expressions the
 * assembler cannot resolve): the assembler checks the kernel a file belongs to, the assembly files of its
 * folder, and its diagnostics for this file are kept where the language's own checks say nothing.
 */
public final class AssemblerCheck {

    /** One diagnostic of the assembler, placed in this file's text. */
    public record Finding(int offset, int length, boolean error, String message) {
    }

    private static final AssemblerOptions OPTIONS = AssemblerOptions.defaults();

    private AssemblerCheck() {
    }

    /** The assembler's findings for {@code resource}, assembled with the other files of its folder. */
    public static List<Finding> check(XtextResource resource) {
        List<Finding> out = new ArrayList<>();
        if (resource.getParseResult() == null || !resource.getErrors().isEmpty()
                || !(resource.getContents().get(0) instanceof Program program)) {
            return out; // syntax errors first: the parser already says where
        }
        String path = resource.getURI().toString();
        URI folder = resource.getURI().trimSegments(1);
        List<SourceFile> sources = new ArrayList<>();
        sources.add(new SourceFile(path, resource.getParseResult().getRootNode().getText()));
        if (resource.getResourceSet() != null) {
            for (Resource r : List.copyOf(resource.getResourceSet().getResources())) {
                if (r != resource && r instanceof XtextResource x && x.getParseResult() != null
                        && r.getURI().trimSegments(1).equals(folder)) {
                    sources.add(new SourceFile(r.getURI().toString(), x.getParseResult().getRootNode().getText()));
                }
            }
        }
        List<AsmDiagnostic> diagnostics;
        try {
            diagnostics = new Assembler(OPTIONS).check(sources);
        } catch (RuntimeException e) {
            return out; // the assembler's own tests own its failures; the editor keeps working without it
        }
        String text = sources.get(0).text();
        int[] lineStarts = lineStarts(text);
        java.util.Map<Integer, Statement> statements = null;
        for (AsmDiagnostic d : diagnostics) {
            if (!path.equals(d.path()) || d.line() < 1 || d.line() > lineStarts.length) {
                continue;
            }
            if (statements == null) {
                statements = statementsByLine(program);
            }
            if (coveredByLanguageChecks(d, statements.get(d.line()))) {
                continue;
            }
            int offset = Math.min(lineStarts[d.line() - 1] + Math.max(d.column() - 1, 0), text.length());
            int length = Math.max(0, Math.min(d.length(), text.length() - offset));
            out.add(new Finding(offset, length, d.severity() == AsmDiagnostic.Severity.ERROR, d.message()));
        }
        return out;
    }

    /** Whether the language's checks already report this line's problem (its mnemonic, operands, symbols). */
    private static boolean coveredByLanguageChecks(AsmDiagnostic d, Statement s) {
        String m = d.message().toLowerCase();
        if (m.contains("undefined") || m.contains("unknown instruction") || m.contains("already defined")) {
            return true;
        }
        if (s == null || s.getOperation() == null || s.getOperation().startsWith(".")) {
            return false;
        }
        String op = s.getOperation();
        return !Vocabulary.isInstruction(op) && !Vocabulary.isPseudoInstruction(op) || OperandChecker.check(s) != null;
    }

    private static java.util.Map<Integer, Statement> statementsByLine(Program program) {
        java.util.Map<Integer, Statement> out = new java.util.HashMap<>();
        for (Line line : program.getLines()) {
            Statement s = line.getStatement();
            var node = s == null ? null : org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(s);
            if (node != null) {
                out.putIfAbsent(node.getStartLine(), s);
            }
        }
        return out;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
