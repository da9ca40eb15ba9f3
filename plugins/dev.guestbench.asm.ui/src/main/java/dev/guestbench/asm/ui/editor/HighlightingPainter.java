package dev.guestbench.asm.ui.editor;

import java.util.List;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;

import dev.guestbench.asm.ide.analysis.Highlight;

/** Paints the language services' highlights into a viewer, replacing what was painted before. */
final class HighlightingPainter {

    private HighlightingPainter() {
    }

    static void apply(ISourceViewer viewer, List<Highlight> highlights) {
        int length = viewer.getDocument().getLength();
        TextPresentation presentation = new TextPresentation();
        // A default range over the whole text clears colours left from the previous version.
        presentation.setDefaultStyleRange(new StyleRange(0, length, null, null));
        int end = 0;
        for (Highlight h : highlights) {
            TextAttribute attribute = HighlightingColors.attribute(h.style());
            // Later styles for an overlapping range lose: the first analysis result for a span stands.
            if (attribute == null || h.offset() < end || h.offset() + h.length() > length) {
                continue;
            }
            StyleRange range = new StyleRange(h.offset(), h.length(), attribute.getForeground(),
                    attribute.getBackground(), attribute.getStyle());
            presentation.addStyleRange(range);
            end = h.offset() + h.length();
        }
        viewer.changeTextPresentation(presentation, false);
    }
}
