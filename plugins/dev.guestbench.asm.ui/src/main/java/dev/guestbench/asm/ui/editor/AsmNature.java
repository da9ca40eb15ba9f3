package dev.guestbench.asm.ui.editor;

import java.util.Arrays;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import dev.guestbench.asm.ui.AsmUiPlugin;

/** A project of guest kernels: its assembly files are built (checked and assembled) on every save. */
public class AsmNature implements IProjectNature {

    /** Nature id, as registered in plugin.xml. */
    public static final String ID = AsmUiPlugin.ID + ".nature";

    private IProject project;

    @Override
    public void configure() throws CoreException {
        IProjectDescription description = project.getDescription();
        ICommand[] commands = description.getBuildSpec();
        if (Arrays.stream(commands).anyMatch(c -> c.getBuilderName().equals(AsmBuilder.ID))) {
            return;
        }
        ICommand command = description.newCommand();
        command.setBuilderName(AsmBuilder.ID);
        ICommand[] more = Arrays.copyOf(commands, commands.length + 1);
        more[commands.length] = command;
        description.setBuildSpec(more);
        project.setDescription(description, null);
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription description = project.getDescription();
        description.setBuildSpec(Arrays.stream(description.getBuildSpec())
                .filter(c -> !c.getBuilderName().equals(AsmBuilder.ID)).toArray(ICommand[]::new));
        project.setDescription(description, null);
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }

    /**
     * Gives a project the nature (and so the builder) when an assembly file of it is opened, in a workspace
     * job: project descriptions may not change while the editor opens.
     */
    public static void ensureOn(IProject project) {
        try {
            if (!project.isOpen() || project.hasNature(ID)) {
                return;
            }
        } catch (CoreException e) {
            return;
        }
        WorkspaceJob job = new WorkspaceJob("Add the Guestbench builder to " + project.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                if (project.isOpen() && !project.hasNature(ID)) {
                    IProjectDescription description = project.getDescription();
                    String[] natures = Arrays.copyOf(description.getNatureIds(), description.getNatureIds().length + 1);
                    natures[natures.length - 1] = ID;
                    description.setNatureIds(natures);
                    project.setDescription(description, monitor);
                }
                return Status.OK_STATUS;
            }
        };
        // Changing natures may touch any project's build order: the workspace root rule.
        job.setRule(project.getWorkspace().getRoot());
        job.setSystem(true);
        job.schedule();
    }
}
