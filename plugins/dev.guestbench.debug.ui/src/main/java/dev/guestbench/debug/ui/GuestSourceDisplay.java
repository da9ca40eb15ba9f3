package dev.guestbench.debug.ui;

import org.eclipse.debug.core.model.ISourceLocator;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.sourcelookup.CommonSourceNotFoundEditorInput;
import org.eclipse.debug.ui.sourcelookup.ISourceDisplay;
import org.eclipse.debug.ui.sourcelookup.ISourceLookupResult;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IWorkbenchPage;

import dev.guestbench.debug.core.model.GuestStackFrame;

/**
 * Shows a guest stack frame's source line at once, on the UI thread. The platform's own source display
 * looks up in a job that waits 100 ms and displays in another that waits 100 ms more (to let fast steps
 * coalesce); our lookup is a line-table row and a workspace path, so a step's editor update can come with
 * the other views' instead of 200 ms after them. It also looks up afresh each time: the platform caches
 * results per frame, and a guest frame lives as long as its vCPU while its pc moves between files.
 */
public final class GuestSourceDisplay implements ISourceDisplay {

    private final GuestModelPresentation presentation = new GuestModelPresentation();

    @Override
    public void displaySource(Object element, IWorkbenchPage page, boolean forceSourceLookup) {
        if (!(element instanceof GuestStackFrame frame) || frame.isTerminated()) {
            return;
        }
        DebugUITools.displaySource(lookup(frame), page);
    }

    /** The frame's source file and the editor for it, or the platform's "source not found" editor. */
    ISourceLookupResult lookup(GuestStackFrame frame) {
        ISourceLocator locator = frame.getLaunch().getSourceLocator();
        Object source = locator == null || frame.getLineNumber() < 0 ? null : locator.getSourceElement(frame);
        IEditorInput input = source == null ? null : presentation.getEditorInput(source);
        if (input == null) {
            return new Result(frame, null, IDebugUIConstants.ID_COMMON_SOURCE_NOT_FOUND_EDITOR,
                    new CommonSourceNotFoundEditorInput(frame));
        }
        return new Result(frame, source, presentation.getEditorId(input, source), input);
    }

    /** What a lookup found. */
    private record Result(Object artifact, Object source, String editorId, IEditorInput input)
            implements ISourceLookupResult {

        @Override
        public Object getArtifact() {
            return artifact;
        }

        @Override
        public Object getSourceElement() {
            return source;
        }

        @Override
        public String getEditorId() {
            return editorId;
        }

        @Override
        public IEditorInput getEditorInput() {
            return input;
        }
    }
}
