package dev.guestbench.debug.ui.wizard;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.launch.GuestLaunchConfigurations;

/**
 * "New guest kernel": a project holding an example kernel (kernel.S) and a launch configuration that
 * boots it, ready for Run and Debug.
 */
public final class NewGuestKernelWizard extends Wizard implements INewWizard {

    /** The wizard's id. */
    public static final String ID = "dev.guestbench.debug.ui.newKernel";
    /** The example kernel's name in a new project. */
    public static final String KERNEL = "kernel.S";

    private IWorkbench workbench;
    private NewGuestKernelPage page;
    private IProject created;
    private ILaunchConfiguration configuration;

    public NewGuestKernelWizard() {
        setWindowTitle("New Guest Kernel");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench bench, IStructuredSelection selection) {
        this.workbench = bench;
    }

    @Override
    public void addPages() {
        page = new NewGuestKernelPage();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        String name = page.projectName();
        try {
            create(name, null);
        } catch (CoreException e) {
            ErrorDialog.openError(getShell(), "New Guest Kernel", "Cannot create " + name, e.getStatus());
            return false;
        }
        IFile kernel = created.getFile(KERNEL);
        if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
            BasicNewResourceWizard.selectAndReveal(kernel, workbench.getActiveWorkbenchWindow());
            try {
                IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), kernel);
            } catch (PartInitException e) {
                // The project is made; the editor not opening is no reason to fail the wizard.
            }
        }
        return true;
    }

    /** Makes project {@code name} with the example kernel and its launch configuration. */
    public void create(String name, IProgressMonitor monitor) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            throw GuestDebug.error("a project named " + name + " exists already", null);
        }
        IWorkspaceRunnable make = m -> {
            project.create(m);
            project.open(m);
            try (InputStream in = template()) {
                project.getFile(KERNEL).create(in, true, m);
            } catch (IOException e) {
                throw GuestDebug.error("cannot read the example kernel: " + e.getMessage(), e);
            }
        };
        ResourcesPlugin.getWorkspace().run(make, monitor);
        created = project;
        configuration = GuestLaunchConfigurations.create(project.getFile(KERNEL));
        if (workbench != null) {
            new StructuredSelection(project);
        }
    }

    private static InputStream template() throws IOException {
        var url = NewGuestKernelWizard.class.getResource("/templates/kernel.S");
        if (url == null) {
            throw new IOException("templates/kernel.S is missing from the dev.guestbench.debug.ui bundle");
        }
        return url.openStream();
    }

    /** The project made by the last finish, or null. */
    public IProject project() {
        return created;
    }

    /** The launch configuration made by the last finish, or null. */
    public ILaunchConfiguration configuration() {
        return configuration;
    }
}
