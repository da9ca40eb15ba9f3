package dev.guestbench.asm.ui.editor;

import java.util.List;
import java.util.Map;

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
                // All attributes at once: readers on other threads never see a marker without its message.
                file.createMarker(TYPE, Map.of(
                        IMarker.SEVERITY, severity(p.severity()),
                        IMarker.MESSAGE, p.message(),
                        IMarker.LINE_NUMBER, p.line(),
                        IMarker.CHAR_START, p.offset(),
                        IMarker.CHAR_END, p.offset() + Math.max(p.length(), 1),
                        IMarker.LOCATION, "line " + p.line() + ", column " + p.column()));
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
