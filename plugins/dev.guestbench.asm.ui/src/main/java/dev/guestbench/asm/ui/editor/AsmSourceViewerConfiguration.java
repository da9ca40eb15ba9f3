package dev.guestbench.asm.ui.editor;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** Wires the assembly editor's viewer to the language services through a background reconciler. */
class AsmSourceViewerConfiguration extends TextSourceViewerConfiguration {

    /** How long typing must pause before the document is analysed again. */
    private static final int RECONCILE_DELAY_MS = 250;

    private final AsmEditor editor;

    AsmSourceViewerConfiguration(AsmEditor editor, IPreferenceStore preferences) {
        super(preferences);
        this.editor = editor;
    }

    @Override
    public IReconciler getReconciler(ISourceViewer sourceViewer) {
        MonoReconciler reconciler = new MonoReconciler(new AsmReconcilingStrategy(editor, sourceViewer), false);
        reconciler.setDelay(RECONCILE_DELAY_MS);
        return reconciler;
    }
}
