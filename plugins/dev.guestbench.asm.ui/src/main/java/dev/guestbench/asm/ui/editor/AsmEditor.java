package dev.guestbench.asm.ui.editor;

import org.eclipse.ui.editors.text.TextEditor;

/**
 * The Guestbench assembly editor: a JFace text editor whose colouring and problem markers come from the
 * assembly language's Xtext ide services.
 */
public class AsmEditor extends TextEditor {

    /** Editor id, as registered in plugin.xml. */
    public static final String ID = "dev.guestbench.asm.ui.editor";

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setSourceViewerConfiguration(new AsmSourceViewerConfiguration(this, getPreferenceStore()));
    }
}
