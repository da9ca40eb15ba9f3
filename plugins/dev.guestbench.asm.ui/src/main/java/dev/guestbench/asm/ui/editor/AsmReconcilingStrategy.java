package dev.guestbench.asm.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Display;

import dev.guestbench.asm.ide.analysis.Analysis;
import dev.guestbench.asm.ide.editor.EditorSession;

/**
 * Analyses the whole document (with the other files of its project) off the UI thread after each pause in
 * typing, then paints the highlighting, updates outline and folding, and the file's problem markers.
 */
class AsmReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

    private final AsmEditor editor;
    private final ISourceViewer viewer;
    private IDocument document;
    private IProgressMonitor monitor = new NullProgressMonitor();

    AsmReconcilingStrategy(AsmEditor editor, ISourceViewer viewer) {
        this.editor = editor;
        this.viewer = viewer;
    }

    @Override
    public void setDocument(IDocument document) {
        this.document = document;
    }

    @Override
    public void setProgressMonitor(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void initialReconcile() {
        analyse();
    }

    @Override
    public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
        analyse();
    }

    @Override
    public void reconcile(IRegion partition) {
        analyse();
    }

    private void analyse() {
        IDocument current = document;
        if (current == null) {
            return;
        }
        String text = current.get();
        EditorSession session = editor.session(text);
        Analysis analysis = session.analyse(monitor::isCanceled);
        if (monitor.isCanceled()) {
            return;
        }
        Display display = viewer.getTextWidget() == null ? null : viewer.getTextWidget().getDisplay();
        if (display == null) {
            return;
        }
        display.asyncExec(() -> {
            // The text may have changed while we analysed; a newer analysis is on its way then.
            if (viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed() || !text.equals(current.get())) {
                return;
            }
            editor.reconciled(session, analysis);
        });
        IFile file = editor.file();
        if (file != null) {
            ProblemMarkers.update(file, analysis.problems());
        }
    }
}
