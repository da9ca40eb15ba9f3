package dev.guestbench.asm.ui.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/** Go to definition (Ctrl+click, F3): the ide services' definitions of the label under the cursor. */
public class AsmHyperlinkDetector extends AbstractHyperlinkDetector {

    private final AsmEditor editor;

    AsmHyperlinkDetector(AsmEditor editor) {
        this.editor = editor;
    }

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultiple) {
        IDocument document = viewer.getDocument();
        int offset = region.getOffset();
        List<Location> definitions = editor.session(document.get()).definitions(offset);
        if (definitions.isEmpty()) {
            return null;
        }
        IRegion word = word(document, offset);
        return definitions.stream().map(l -> (IHyperlink) new DefinitionLink(word, l))
                .limit(canShowMultiple ? Long.MAX_VALUE : 1).toArray(IHyperlink[]::new);
    }

    private static IRegion word(IDocument document, int offset) {
        String text = document.get();
        int start = offset;
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        int end = offset;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        return new Region(start, end - start);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    /** Opens the definition's file and selects the name. */
    static final class DefinitionLink implements IHyperlink {
        private final IRegion region;
        private final Location target;

        DefinitionLink(IRegion region, Location target) {
            this.region = region;
            this.target = target;
        }

        @Override
        public IRegion getHyperlinkRegion() {
            return region;
        }

        @Override
        public String getTypeLabel() {
            return "Go to Definition";
        }

        @Override
        public String getHyperlinkText() {
            return "Go to " + target.getUri() + ":" + (target.getRange().getStart().getLine() + 1);
        }

        @Override
        public void open() {
            reveal(target);
        }
    }

    /** Opens the file of a location in an editor and selects its range. */
    public static void reveal(Location target) {
        IFile file = Sessions.file(target.getUri());
        if (file == null) {
            return;
        }
        try {
            IEditorPart part = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(),
                    file, true);
            if (part instanceof ITextEditor text) {
                IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
                int start = offset(doc, target.getRange().getStart());
                int end = offset(doc, target.getRange().getEnd());
                text.selectAndReveal(start, end - start);
            }
        } catch (PartInitException | BadLocationException e) {
            // Nothing to open: the link does nothing.
        }
    }

    static int offset(IDocument doc, Position p) throws BadLocationException {
        return doc.getLineOffset(p.getLine()) + p.getCharacter();
    }
}
