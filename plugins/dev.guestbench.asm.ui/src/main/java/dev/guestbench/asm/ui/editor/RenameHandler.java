package dev.guestbench.asm.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.guestbench.asm.ide.symbols.AsmRenameService;
import dev.guestbench.asm.ide.symbols.SymbolOccurrences;

/** Rename Symbol (Alt+Shift+R): renames the label or symbol at the cursor in every file of the project. */
public class RenameHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof AsmEditor editor)) {
            return null;
        }
        int offset = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
        String text = editor.currentText();
        String old = SymbolOccurrences.symbolAt(editor.session(text).resource(), offset);
        if (old == null) {
            MessageDialog.openInformation(editor.getSite().getShell(), "Rename", "Put the cursor on a label or symbol.");
            return null;
        }
        InputDialog dialog = new InputDialog(editor.getSite().getShell(), "Rename " + old, "New name:", old,
                AsmRenameService::checkNewName);
        if (dialog.open() == Window.OK) {
            try {
                editor.rename(offset, dialog.getValue());
            } catch (CoreException | RuntimeException e) {
                MessageDialog.openError(editor.getSite().getShell(), "Rename", e.getMessage());
            }
        }
        return null;
    }
}
