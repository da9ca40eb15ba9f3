package dev.guestbench.asm.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

import dev.guestbench.asm.ide.analysis.Problem;
import dev.guestbench.asm.ide.editor.EditorSession;

/** Quick fixes (Ctrl+1) in the editor: the ide services' code actions for the problems at the cursor. */
public class AsmQuickAssistProcessor implements IQuickAssistProcessor {

    private final AsmEditor editor;

    AsmQuickAssistProcessor(AsmEditor editor) {
        this.editor = editor;
    }

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        IDocument document = context.getSourceViewer().getDocument();
        int offset = context.getOffset();
        EditorSession session = editor.session(document.get());
        List<ICompletionProposal> out = new ArrayList<>();
        for (Problem p : session.analyse(() -> false).problems()) {
            if (p.offset() <= offset && offset <= p.offset() + p.length()) {
                for (CodeAction action : session.fixes(p)) {
                    out.add(new Fix(action, editor.uri()));
                }
            }
        }
        return out.toArray(ICompletionProposal[]::new);
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return true;
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext context) {
        return true;
    }

    /** A code action applied to this document (its edits for this file). */
    static final class Fix implements ICompletionProposal {
        private final CodeAction action;
        private final String uri;

        Fix(CodeAction action, String uri) {
            this.action = action;
            this.uri = uri;
        }

        /** The action's title. */
        String title() {
            return action.getTitle();
        }

        @Override
        public void apply(IDocument document) {
            List<TextEdit> edits = new ArrayList<>(action.getEdit().getChanges().getOrDefault(uri, List.of()));
            // From the end backwards, so earlier offsets stay valid.
            edits.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                    .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
            try {
                for (TextEdit e : edits) {
                    int start = AsmHyperlinkDetector.offset(document, e.getRange().getStart());
                    int end = AsmHyperlinkDetector.offset(document, e.getRange().getEnd());
                    document.replace(start, end - start, e.getNewText());
                }
            } catch (BadLocationException e) {
                // The document changed since the fix was computed; leave it as it is.
            }
        }

        @Override
        public Point getSelection(IDocument document) {
            return null;
        }

        @Override
        public String getAdditionalProposalInfo() {
            return null;
        }

        @Override
        public String getDisplayString() {
            return action.getTitle();
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public IContextInformation getContextInformation() {
            return null;
        }
    }

}
