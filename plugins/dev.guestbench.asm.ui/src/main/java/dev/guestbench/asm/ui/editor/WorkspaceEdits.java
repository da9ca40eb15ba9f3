package dev.guestbench.asm.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Applies an LSP workspace edit (a rename across files) to the workspace: through the file buffers, so
 * open editors see the change; a file without unsaved changes before is saved after, so the other files
 * of a rename are never left half-changed in memory.
 */
public final class WorkspaceEdits {

    private WorkspaceEdits() {
    }

    /** Applies every file's edits; returns how many files changed. */
    public static int apply(WorkspaceEdit edit) throws CoreException {
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        int changed = 0;
        for (Map.Entry<String, List<TextEdit>> e : edit.getChanges().entrySet()) {
            IFile file = Sessions.file(e.getKey());
            if (file == null || !file.exists()) {
                continue;
            }
            ITextFileBuffer existing = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
            boolean unsaved = existing != null && existing.isDirty();
            manager.connect(file.getFullPath(), LocationKind.IFILE, null);
            try {
                ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
                apply(buffer.getDocument(), e.getValue());
                if (!unsaved) {
                    buffer.commit(null, true);
                }
                changed++;
            } finally {
                manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
            }
        }
        return changed;
    }

    /** Applies edits to one document, from the last to the first so the offsets stay right. */
    public static void apply(IDocument document, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit t) -> t.getRange().getStart().getLine())
                .thenComparing(t -> t.getRange().getStart().getCharacter()).reversed());
        try {
            for (TextEdit t : sorted) {
                int start = AsmHyperlinkDetector.offset(document, t.getRange().getStart());
                int end = AsmHyperlinkDetector.offset(document, t.getRange().getEnd());
                document.replace(start, end - start, t.getNewText());
            }
        } catch (BadLocationException x) {
            // The edits were computed from another version of the text; stop rather than garble it.
        }
    }
}
