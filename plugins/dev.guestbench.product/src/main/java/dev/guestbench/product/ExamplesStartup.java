package dev.guestbench.product;

import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * On the first start of a workspace, copies the example kernels into an "examples" project and opens one
 * in the editor; an existing examples project is left as the user made it. The `guestbench ide` launcher says where the examples are with
 * {@code -Dguestbench.examples=DIR} and which file to open with {@code -Dguestbench.open=PATH}.
 */
public class ExamplesStartup implements IStartup {

    @Override
    public void earlyStartup() {
        String examples = System.getProperty("guestbench.examples");
        if (examples == null || examples.isBlank()) {
            return;
        }
        // Only a new workspace gets the example opened; later starts restore what the user had open.
        boolean fresh = !ExampleProject.project(ExampleProject.NAME).exists();
        try {
            ExampleProject.importInto(ExampleProject.NAME, Path.of(examples), null);
        } catch (CoreException e) {
            ILog.of(ExamplesStartup.class).error("cannot import the examples from " + examples, e);
            return;
        }
        String open = System.getProperty("guestbench.open");
        if (fresh && open != null && !open.isBlank()) {
            IFile file = ExampleProject.project(ExampleProject.NAME).getFile(open);
            PlatformUI.getWorkbench().getDisplay().asyncExec(() -> openEditor(file));
        }
    }

    private static void openEditor(IFile file) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null || !file.exists()) {
            return;
        }
        IWorkbenchPage page = window.getActivePage();
        try {
            IDE.openEditor(page, file, true);
        } catch (PartInitException e) {
            ILog.of(ExamplesStartup.class).error("cannot open " + file.getFullPath(), e);
        }
    }
}
