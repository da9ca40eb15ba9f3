package dev.guestbench.asm.ui.editor;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

/** Hovers in the editor: the ide services' hover text, its Markdown turned into plain text. */
public class AsmTextHover implements ITextHover {

    private final AsmEditor editor;

    AsmTextHover(AsmEditor editor) {
        this.editor = editor;
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        String markdown = editor.session(viewer.getDocument().get()).hover(region.getOffset());
        return markdown == null ? null : plain(markdown);
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }

    /** Markdown as the plain text a default hover shows: no emphasis or code marks. */
    static String plain(String markdown) {
        return markdown.replace("**", "").replace("`", "").replace("\n- ", "\n  - ");
    }
}
