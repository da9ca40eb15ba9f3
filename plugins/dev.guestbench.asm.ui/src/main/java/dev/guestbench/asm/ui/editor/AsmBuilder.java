package dev.guestbench.asm.ui.editor;

import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

import dev.guestbench.asm.ide.analysis.Analysis;
import dev.guestbench.asm.ui.AsmUiPlugin;

/**
 * Builds a project's kernels on save: every assembly file is checked together with the others (labels
 * resolve across files) through {@link KernelBuildStep}, and what it finds becomes problem markers.
 */
public class AsmBuilder extends IncrementalProjectBuilder {

    /** Builder id, as registered in plugin.xml. */
    public static final String ID = AsmUiPlugin.ID + ".builder";

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IProject project = getProject();
        if (kind != FULL_BUILD && kind != CLEAN_BUILD) {
            IResourceDelta delta = getDelta(project);
            if (delta != null && !touchesAssembly(delta)) {
                return null;
            }
        }
        // Any change may define or remove a label another file uses: check every file of the project.
        Map<String, String> files = Sessions.projectFiles(project);
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (monitor != null && monitor.isCanceled()) {
                break;
            }
            IFile file = Sessions.file(e.getKey());
            if (file == null) {
                continue;
            }
            Analysis analysis = KernelBuildStep.check(file, e.getValue(), files);
            ProblemMarkers.update(file, analysis.problems());
        }
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        getProject().deleteMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE);
    }

    private static boolean touchesAssembly(IResourceDelta delta) throws CoreException {
        boolean[] found = { false };
        delta.accept(d -> {
            if (d.getResource().getType() == IResource.FILE && Sessions.isAssembly(d.getResource())) {
                found[0] = true;
            }
            return !found[0];
        });
        return found[0];
    }
}
