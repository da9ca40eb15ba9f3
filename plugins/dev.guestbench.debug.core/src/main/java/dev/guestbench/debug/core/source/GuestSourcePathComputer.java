package dev.guestbench.debug.core.source;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.ISourcePathComputerDelegate;
import org.eclipse.debug.core.sourcelookup.containers.ProjectSourceContainer;
import org.eclipse.debug.core.sourcelookup.containers.WorkspaceSourceContainer;

import dev.guestbench.debug.core.launch.GuestLaunch;

/** The default source path of a guest launch: its project (with referenced projects), then the workspace. */
public final class GuestSourcePathComputer implements ISourcePathComputerDelegate {

    /** The id this computer is registered under. */
    public static final String ID = "dev.guestbench.debug.sourcePathComputer";

    @Override
    public ISourceContainer[] computeSourceContainers(ILaunchConfiguration configuration, IProgressMonitor monitor)
            throws CoreException {
        String name = configuration.getAttribute(GuestLaunch.PROJECT, "");
        if (!name.isEmpty()) {
            IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
            if (project.exists()) {
                return new ISourceContainer[] {new ProjectSourceContainer(project, true), new WorkspaceSourceContainer()};
            }
        }
        return new ISourceContainer[] {new WorkspaceSourceContainer()};
    }
}
