package dev.guestbench.asm.ui.editor;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.lsp4j.Location;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.handlers.HandlerUtil;

/** Find References (Ctrl+Shift+G): every place the symbol at the cursor is defined or used; pick one to go there. */
public class ReferencesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof AsmEditor editor)) {
            return null;
        }
        int offset = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
        List<Location> references = editor.session(editor.currentText()).references(offset);
        ListDialog dialog = new ListDialog(editor.getSite().getShell());
        dialog.setTitle("References");
        dialog.setMessage(references.isEmpty() ? "No label or symbol at the cursor." : references.size() + " places:");
        dialog.setContentProvider(ArrayContentProvider.getInstance());
        dialog.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                Location l = (Location) element;
                String uri = l.getUri();
                return uri.substring(uri.lastIndexOf('/') + 1) + ":" + (l.getRange().getStart().getLine() + 1) + ":"
                        + (l.getRange().getStart().getCharacter() + 1);
            }
        });
        dialog.setInput(references);
        if (dialog.open() == Window.OK && dialog.getResult().length > 0) {
            AsmHyperlinkDetector.reveal((Location) dialog.getResult()[0]);
        }
        return null;
    }
}
