package dev.guestbench.debug.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;

import dev.guestbench.debug.core.launch.GuestLaunchConfigurations;

/** Run As / Debug As "Guest kernel" on an assembly source or an ELF: its configuration, made if missing. */
public final class GuestLaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof IFile file) {
            launch(file, mode);
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile file = editor.getEditorInput().getAdapter(IFile.class);
        if (file != null) {
            launch(file, mode);
        }
    }

    private static void launch(IFile kernel, String mode) {
        try {
            ILaunchConfiguration[] existing = GuestLaunchConfigurations.forKernel(kernel);
            ILaunchConfiguration c = existing.length > 0 ? existing[0] : GuestLaunchConfigurations.create(kernel);
            DebugUITools.launch(c, mode);
        } catch (CoreException e) {
            ErrorDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "Guest kernel",
                    "Cannot launch " + kernel.getName(), e.getStatus());
        }
    }
}
