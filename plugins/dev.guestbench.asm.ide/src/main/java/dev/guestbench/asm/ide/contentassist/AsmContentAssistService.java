package dev.guestbench.asm.ide.contentassist;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.util.TextRegion;

/** LSP completion: operand templates become snippets whose placeholders the client tabs through. */
public class AsmContentAssistService extends ContentAssistService {

    @Override
    protected CompletionItem toCompletionItem(ContentAssistEntry entry, int caretOffset, Position caretPosition,
            Document document) {
        CompletionItem item = super.toCompletionItem(entry, caretOffset, caretPosition, document);
        if (!entry.getEditPositions().isEmpty() && item.getTextEdit() != null && item.getTextEdit().isLeft()) {
            String proposal = entry.getProposal();
            StringBuilder snippet = new StringBuilder();
            int last = 0;
            int n = 1;
            for (TextRegion r : entry.getEditPositions()) {
                snippet.append(escape(proposal.substring(last, r.getOffset())));
                snippet.append("${").append(n++).append(':')
                        .append(escape(proposal.substring(r.getOffset(), r.getOffset() + r.getLength()))).append('}');
                last = r.getOffset() + r.getLength();
            }
            snippet.append(escape(proposal.substring(last)));
            item.getTextEdit().getLeft().setNewText(snippet.toString());
            item.setInsertTextFormat(InsertTextFormat.Snippet);
        }
        return item;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
    }
}
