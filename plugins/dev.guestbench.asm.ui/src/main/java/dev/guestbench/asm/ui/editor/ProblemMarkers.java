package dev.guestbench.asm.ui.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;

import dev.guestbench.asm.ide.analysis.Problem;
import dev.guestbench.asm.ui.AsmUiPlugin;

/** Keeps a file's assembly problem markers equal to the latest analysis. */
public final class ProblemMarkers {

    /** Marker type of assembly problems (declared in plugin.xml). */
    public static final String TYPE = AsmUiPlugin.ID + ".problem";

    private ProblemMarkers() {
    }

    /** Replaces the file's assembly problem markers by {@code problems}. */
    public static void update(IFile file, List<Problem> problems) {
        if (!file.exists()) {
            return;
        }
        IWorkspaceRunnable replace = monitor -> {
            file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
            for (Problem p : problems) {
                IMarker marker = file.createMarker(TYPE);
                marker.setAttribute(IMarker.SEVERITY, severity(p.severity()));
                marker.setAttribute(IMarker.MESSAGE, p.message());
                marker.setAttribute(IMarker.LINE_NUMBER, p.line());
                marker.setAttribute(IMarker.CHAR_START, p.offset());
                marker.setAttribute(IMarker.CHAR_END, p.offset() + Math.max(p.length(), 1));
                marker.setAttribute(IMarker.LOCATION, "line " + p.line() + ", column " + p.column());
            }
        };
        try {
            // Scheduling on the file alone keeps the marker update from blocking other workspace work.
            file.getWorkspace().run(replace, file, IResource.NONE, null);
        } catch (CoreException e) {
            ILog.of(ProblemMarkers.class).error("cannot update problem markers of " + file.getFullPath(), e);
        }
    }

    private static int severity(Problem.Severity severity) {
        return switch (severity) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case INFO -> IMarker.SEVERITY_INFO;
        };
    }
}
