package dev.guestbench.debug.ui.wizard;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The wizard's one page: the project's name. */
final class NewGuestKernelPage extends WizardPage {

    private Text name;

    NewGuestKernelPage() {
        super("kernel");
        setTitle("Guest Kernel Project");
        setDescription("A project with an example RISC-V kernel and a launch configuration that boots it.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText("&Project name:");
        name = new Text(c, SWT.BORDER);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        name.setText(freeName());
        name.addModifyListener(e -> validate());
        setControl(c);
        validate();
    }

    private static String freeName() {
        String base = "guest-kernel";
        String n = base;
        for (int i = 2; ResourcesPlugin.getWorkspace().getRoot().getProject(n).exists(); i++) {
            n = base + "-" + i;
        }
        return n;
    }

    private void validate() {
        String n = name.getText().trim();
        IStatus s = ResourcesPlugin.getWorkspace().validateName(n, IResource.PROJECT);
        if (!s.isOK()) {
            setErrorMessage(s.getMessage());
        } else if (ResourcesPlugin.getWorkspace().getRoot().getProject(n).exists()) {
            setErrorMessage("A project named " + n + " exists already.");
        } else {
            setErrorMessage(null);
        }
        setPageComplete(getErrorMessage() == null);
    }

    String projectName() {
        return name.getText().trim();
    }
}
