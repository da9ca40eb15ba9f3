package dev.guestbench.asm.ui.editor;

import java.util.List;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

/** Content assist in the editor: the ide services' proposals ({@code AsmContentProposalProvider}). */
public class AsmCompletionProcessor implements IContentAssistProcessor {

    private final AsmEditor editor;

    AsmCompletionProcessor(AsmEditor editor) {
        this.editor = editor;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        var session = editor.session(viewer.getDocument().get());
        List<ICompletionProposal> proposals = session.complete(offset).stream()
                .map(e -> (ICompletionProposal) new AsmCompletionProposal(e, offset)).toList();
        return proposals.toArray(ICompletionProposal[]::new);
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] { '.', ' ', ',', '(' };
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
