package dev.guestbench.asm.ide.formatting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.util.ITextRegion;

/**
 * The formatter of the language (Xtext's formatter API, so LSP's formatting requests use it): aligns each
 * line in the requested regions into columns ({@link ColumnLayout}), one replacement per changed line.
 */
public class AsmFormatter implements IFormatter2 {

    @Override
    public List<ITextReplacement> format(FormatterRequest request) {
        ITextRegionAccess access = request.getTextRegionAccess();
        String text = access.regionForDocument().getText();
        Collection<ITextRegion> regions = request.getRegions();
        List<ITextReplacement> out = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            if (inRegions(regions, start, end)) {
                String line = text.substring(start, end);
                String formatted = ColumnLayout.format(line);
                if (!formatted.equals(line)) {
                    out.add(access.regionForOffset(start, end - start).replaceWith(formatted));
                }
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out;
    }

    private static boolean inRegions(Collection<ITextRegion> regions, int start, int end) {
        if (regions == null || regions.isEmpty()) {
            return true;
        }
        for (ITextRegion r : regions) {
            if (r.getOffset() <= end && start <= r.getOffset() + r.getLength()) {
                return true;
            }
        }
        return false;
    }
}
