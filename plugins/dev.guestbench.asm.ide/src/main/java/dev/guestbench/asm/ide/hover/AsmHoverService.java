package dev.guestbench.asm.ide.hover;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/** Hovers over assembly: the ISA table's documentation of the name under the cursor (see {@link HoverTexts}). */
public class AsmHoverService extends HoverService {

    @Inject
    private HoverTexts texts;

    @Override
    public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
        int offset = document.getOffSet(params.getPosition());
        HoverTexts.HoverText text = texts.at(resource, offset);
        if (text == null) {
            return EMPTY_HOVER;
        }
        Range range = new Range(document.getPosition(text.region().getOffset()),
                document.getPosition(text.region().getOffset() + text.region().getLength()));
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text.markdown()), range);
    }
}
