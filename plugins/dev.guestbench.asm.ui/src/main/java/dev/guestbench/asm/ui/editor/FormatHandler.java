package dev.guestbench.asm.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Source > Format (Ctrl+Shift+F) in the assembly editor: the ide services' column formatter. */
public class FormatHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof AsmEditor editor) {
            editor.format();
        }
        return null;
    }
}
