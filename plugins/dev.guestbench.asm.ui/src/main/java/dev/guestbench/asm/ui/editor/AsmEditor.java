package dev.guestbench.asm.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.source.ISourceViewerExtension3;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.IVerticalRuler;
import org.eclipse.jface.text.source.projection.ProjectionSupport;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import dev.guestbench.asm.ide.analysis.Analysis;
import dev.guestbench.asm.ide.editor.EditorSession;

/**
 * The Guestbench assembly editor: a JFace text editor whose every language feature (colouring, problems,
 * assist, hover, outline, folding, navigation, quick fixes, formatting) comes from the assembly language's
 * Xtext ide services through an {@link EditorSession}.
 */
public class AsmEditor extends TextEditor {

    /** Editor id, as registered in plugin.xml. */
    public static final String ID = "dev.guestbench.asm.ui.editor";

    private AsmOutlinePage outline;
    private final FoldingUpdater folding = new FoldingUpdater();
    private ProjectionSupport projection;
    private HighlightingPainter painter;

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setSourceViewerConfiguration(new AsmSourceViewerConfiguration(this, getPreferenceStore()));
    }

    @Override
    protected void initializeKeyBindingScopes() {
        setKeyBindingScopes(new String[] { "dev.guestbench.asm.ui.editorScope" });
    }

    @Override
    protected ISourceViewer createSourceViewer(Composite parent, IVerticalRuler ruler, int styles) {
        ProjectionViewer viewer = new ProjectionViewer(parent, ruler, getOverviewRuler(), isOverviewRulerVisible(),
                styles);
        getSourceViewerDecorationSupport(viewer);
        return viewer;
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
        projection = new ProjectionSupport(viewer, getAnnotationAccess(), getSharedColors());
        projection.install();
        viewer.doOperation(ProjectionViewer.TOGGLE);
        painter = new HighlightingPainter(viewer);
    }

    @Override
    protected void doSetInput(IEditorInput input) throws org.eclipse.core.runtime.CoreException {
        super.doSetInput(input);
        IFile file = input == null ? null : input.getAdapter(IFile.class);
        if (file != null) {
            AsmNature.ensureOn(file.getProject());
        }
    }

    @Override
    public <T> T getAdapter(Class<T> type) {
        if (type == IContentOutlinePage.class) {
            if (outline == null) {
                outline = new AsmOutlinePage(this);
            }
            return type.cast(outline);
        }
        return super.getAdapter(type);
    }

    /** The file being edited, or null outside the workspace. */
    public IFile file() {
        IEditorInput input = getEditorInput();
        return input == null ? null : input.getAdapter(IFile.class);
    }

    /** The URI the ide services know this document by. */
    public String uri() {
        IFile file = file();
        return file != null ? Sessions.uri(file) : "inmemory:/" + name();
    }

    private String name() {
        IEditorInput input = getEditorInput();
        return input == null ? "untitled.S" : input.getName();
    }

    /** The text in the editor now. */
    public String currentText() {
        IDocument doc = getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
        return doc == null ? "" : doc.get();
    }

    /** An ide-service session on {@code text} as this editor's document, with its project's other files. */
    public EditorSession session(String text) {
        return Sessions.open(file(), name(), text);
    }

    /** The outline page, once the Outline view has asked for it. */
    public AsmOutlinePage outlinePage() {
        return outline;
    }

    /** How many regions the editor can fold now. */
    public int foldingRegions() {
        return folding.count();
    }

    /** Shows what a reconcile found: outline, folding, then colours (on the UI thread). */
    void reconciled(EditorSession session, Analysis analysis) {
        if (outline != null) {
            outline.update(session.outline());
        }
        if (getSourceViewer() instanceof ProjectionViewer viewer) {
            folding.update(viewer.getProjectionAnnotationModel(), session.folding());
        }
        if (painter != null) {
            painter.update(analysis.highlights());
        }
    }

    /** The viewer's configuration: the ide-service adapters this editor installed. */
    public AsmSourceViewerConfiguration configuration() {
        return (AsmSourceViewerConfiguration) getSourceViewerConfiguration();
    }

    /** Content assist proposals at {@code offset}, from the installed processor. */
    public ICompletionProposal[] completionProposals(int offset) {
        return configuration().completionProcessor().computeCompletionProposals(getSourceViewer(), offset);
    }

    /** The hover text at {@code offset}, from the installed hover. */
    public String hoverInfo(int offset) {
        ITextHover hover = configuration().getTextHover(getSourceViewer(), IDocument.DEFAULT_CONTENT_TYPE);
        return hover.getHoverInfo(getSourceViewer(), hover.getHoverRegion(getSourceViewer(), offset));
    }

    /** The quick fixes at {@code offset}, from the installed quick assist processor. */
    public ICompletionProposal[] quickFixes(int offset) {
        ISourceViewer viewer = getSourceViewer();
        IQuickAssistAssistant assistant = ((ISourceViewerExtension3) viewer).getQuickAssistAssistant();
        return assistant.getQuickAssistProcessor().computeQuickAssistProposals(
                new TextInvocationContext(viewer, offset, 0));
    }

    /** Aligns the document in columns with the ide services' formatter (Ctrl+Shift+F). */
    public void format() {
        IDocument document = getDocumentProvider().getDocument(getEditorInput());
        List<TextEdit> edits = new ArrayList<>(session(document.get()).format(0, document.getLength()));
        edits.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
        try {
            for (TextEdit e : edits) {
                int start = AsmHyperlinkDetector.offset(document, e.getRange().getStart());
                int end = AsmHyperlinkDetector.offset(document, e.getRange().getEnd());
                document.replace(start, end - start, e.getNewText());
            }
        } catch (BadLocationException e) {
            // Edits are computed from this very text; a failure means it changed meanwhile: stop there.
        }
    }
}
