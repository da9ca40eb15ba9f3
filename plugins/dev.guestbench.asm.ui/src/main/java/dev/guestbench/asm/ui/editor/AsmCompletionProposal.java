package dev.guestbench.asm.ui.editor;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.link.LinkedModeModel;
import org.eclipse.jface.text.link.LinkedModeUI;
import org.eclipse.jface.text.link.LinkedPosition;
import org.eclipse.jface.text.link.LinkedPositionGroup;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.util.TextRegion;

/**
 * A content assist entry of the ide services in the JFace editor: replaces the typed prefix, and when the
 * entry has placeholders (an instruction's operands) lets the user tab through them in linked mode.
 */
final class AsmCompletionProposal implements ICompletionProposal, ICompletionProposalExtension2 {

    private final ContentAssistEntry entry;
    private final int offset;
    private Point selection;

    AsmCompletionProposal(ContentAssistEntry entry, int offset) {
        this.entry = entry;
        this.offset = offset;
    }

    /** The entry this proposal shows. */
    ContentAssistEntry entry() {
        return entry;
    }

    private int start() {
        return offset - entry.getPrefix().length();
    }

    @Override
    public void apply(IDocument document) {
        try {
            document.replace(start(), entry.getPrefix().length(), entry.getProposal());
        } catch (BadLocationException e) {
            return;
        }
        List<TextRegion> positions = entry.getEditPositions();
        selection = positions.isEmpty() ? new Point(start() + entry.getProposal().length(), 0)
                : new Point(start() + positions.get(0).getOffset(), positions.get(0).getLength());
    }

    @Override
    public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
        apply(viewer.getDocument());
        List<TextRegion> positions = entry.getEditPositions();
        if (positions.isEmpty()) {
            return;
        }
        try {
            LinkedModeModel model = new LinkedModeModel();
            for (TextRegion r : positions) {
                LinkedPositionGroup group = new LinkedPositionGroup();
                group.addPosition(new LinkedPosition(viewer.getDocument(), start() + r.getOffset(), r.getLength()));
                model.addGroup(group);
            }
            model.forceInstall();
            LinkedModeUI ui = new LinkedModeUI(model, viewer);
            ui.setExitPosition(viewer, start() + entry.getProposal().length(), 0, Integer.MAX_VALUE);
            ui.enter();
            selection = ui.getSelectedRegion() == null ? selection
                    : new Point(ui.getSelectedRegion().getOffset(), ui.getSelectedRegion().getLength());
        } catch (BadLocationException e) {
            // The text changed under us; the proposal is inserted, only the placeholders are lost.
        }
    }

    @Override
    public Point getSelection(IDocument document) {
        return selection;
    }

    @Override
    public String getAdditionalProposalInfo() {
        return entry.getDocumentation();
    }

    @Override
    public String getDisplayString() {
        String label = entry.getLabel() != null ? entry.getLabel() : entry.getProposal();
        return entry.getDescription() == null ? label : label + "  -  " + entry.getDescription();
    }

    @Override
    public Image getImage() {
        return null;
    }

    @Override
    public IContextInformation getContextInformation() {
        return null;
    }

    @Override
    public void selected(ITextViewer viewer, boolean smartToggle) {
    }

    @Override
    public void unselected(ITextViewer viewer) {
    }

    @Override
    public boolean validate(IDocument document, int offset, DocumentEvent event) {
        try {
            String typed = document.get(start(), offset - start());
            return entry.getProposal().startsWith(typed);
        } catch (BadLocationException e) {
            return false;
        }
    }
}
