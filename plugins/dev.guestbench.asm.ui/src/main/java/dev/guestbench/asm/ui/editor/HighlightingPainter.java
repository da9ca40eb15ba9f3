package dev.guestbench.asm.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.custom.StyleRange;

import dev.guestbench.asm.ide.analysis.Highlight;

/**
 * Paints the language services' highlights into a viewer. It joins every presentation the viewer makes
 * (a presentation listener), so colours survive folding, scrolling and redraws until the next analysis.
 */
final class HighlightingPainter implements ITextPresentationListener {

    private final ITextViewer viewer;
    private volatile List<Highlight> highlights = List.of();

    HighlightingPainter(ITextViewer viewer) {
        this.viewer = viewer;
        ((ITextViewerExtension4) viewer).addTextPresentationListener(this);
    }

    /** Shows new highlights (on the UI thread); they are sorted by offset. */
    void update(List<Highlight> sorted) {
        highlights = sorted;
        viewer.invalidateTextPresentation();
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        IRegion extent = presentation.getExtent();
        int from = extent.getOffset();
        int to = from + extent.getLength();
        List<Highlight> all = highlights;
        List<StyleRange> ranges = new ArrayList<>();
        int end = from;
        for (int i = firstEndingAfter(all, from); i < all.size(); i++) {
            Highlight h = all.get(i);
            if (h.offset() >= to) {
                break;
            }
            TextAttribute attribute = HighlightingColors.attribute(h.style());
            // Later styles for an overlapping range lose: the first analysis result for a span stands.
            if (attribute == null || h.offset() < end || h.offset() + h.length() > to) {
                continue;
            }
            ranges.add(new StyleRange(h.offset(), h.length(), attribute.getForeground(), attribute.getBackground(),
                    attribute.getStyle()));
            end = h.offset() + h.length();
        }
        if (!ranges.isEmpty()) {
            presentation.mergeStyleRanges(ranges.toArray(StyleRange[]::new));
        }
    }

    /** Index of the first highlight that starts at or after {@code offset} (binary search). */
    private static int firstEndingAfter(List<Highlight> sorted, int offset) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).offset() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
