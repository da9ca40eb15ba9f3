package dev.guestbench.asm.ui.editor;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/** The Outline view of an assembly file: the ide services' sections, labels, constants and macros. */
public class AsmOutlinePage extends ContentOutlinePage {

    private final AsmEditor editor;
    private List<DocumentSymbol> symbols = List.of();

    AsmOutlinePage(AsmEditor editor) {
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                List<DocumentSymbol> children = ((DocumentSymbol) parent).getChildren();
                return children == null ? new Object[0] : children.toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
                return children != null && !children.isEmpty();
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                DocumentSymbol s = (DocumentSymbol) element;
                return s.getName() + (s.getDetail() == null ? "" : "  (" + s.getDetail() + ")");
            }
        });
        viewer.setInput(symbols);
        viewer.expandAll();
        update(editor.session(editor.currentText()).outline());
    }

    /** Shows a new outline (on the UI thread). */
    public void update(List<DocumentSymbol> outline) {
        symbols = outline;
        TreeViewer viewer = getTreeViewer();
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setInput(symbols);
            viewer.expandAll();
        }
    }

    /** The outline shown now (top-level symbols). */
    public List<DocumentSymbol> symbols() {
        return symbols;
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (event.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof DocumentSymbol d) {
            IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
            try {
                int start = AsmHyperlinkDetector.offset(doc, d.getSelectionRange().getStart());
                int end = AsmHyperlinkDetector.offset(doc, d.getSelectionRange().getEnd());
                editor.selectAndReveal(start, end - start);
            } catch (BadLocationException e) {
                // The outline is older than the text; the next reconcile fixes it.
            }
        }
    }
}
