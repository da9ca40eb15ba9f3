package dev.guestbench.debug.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.guestbench.debug.core.launch.GuestLaunch;

/** The Main tab: project, kernel (ELF or assembly source), firmware, initrd and kernel command line. */
public final class MainTab extends AbstractLaunchConfigurationTab {

    private static final String[] FIRMWARE_LABELS = {"Built-in SBI (direct boot in S-mode)",
        "None (the kernel runs in M-mode)", "Firmware file (e.g. OpenSBI)"};
    private static final String[] FIRMWARE_VALUES = {GuestLaunch.FIRMWARE_BUILTIN, GuestLaunch.FIRMWARE_NONE,
        GuestLaunch.FIRMWARE_FILE};

    private Text project;
    private Text kernel;
    private Combo firmware;
    private Text firmwarePath;
    private Button firmwareBrowse;
    private Text initrd;
    private Text commandLine;
    private Button stopAtEntry;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        project = field(c, "&Project:");
        new Label(c, SWT.NONE);
        kernel = field(c, "&Kernel (ELF, or .S assembled before launch):");
        new Label(c, SWT.NONE);
        label(c, "&Firmware:");
        firmware = new Combo(c, SWT.READ_ONLY);
        firmware.setItems(FIRMWARE_LABELS);
        firmware.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        firmware.addListener(SWT.Selection, e -> {
            updateEnablement();
            changed();
        });
        new Label(c, SWT.NONE);
        firmwarePath = field(c, "Firmware &file:");
        firmwareBrowse = browse(c, firmwarePath);
        initrd = field(c, "&Initrd:");
        browse(c, initrd);
        commandLine = field(c, "Kernel &command line:");
        new Label(c, SWT.NONE);
        stopAtEntry = new Button(c, SWT.CHECK);
        stopAtEntry.setText("&Stop at the first instruction (debug)");
        stopAtEntry.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        stopAtEntry.addListener(SWT.Selection, e -> changed());
        setControl(c);
    }

    private Text field(Composite c, String label) {
        label(c, label);
        Text t = new Text(c, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.addModifyListener(e -> changed());
        return t;
    }

    private static void label(Composite c, String text) {
        Label l = new Label(c, SWT.NONE);
        l.setText(text);
    }

    private Button browse(Composite c, Text target) {
        Button b = new Button(c, SWT.PUSH);
        b.setText("Browse...");
        b.addListener(SWT.Selection, e -> {
            String f = new FileDialog(getShell(), SWT.OPEN).open();
            if (f != null) {
                target.setText(f);
            }
        });
        return b;
    }

    private void changed() {
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    private void updateEnablement() {
        boolean file = firmware.getSelectionIndex() == 2;
        firmwarePath.setEnabled(file);
        firmwareBrowse.setEnabled(file);
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(GuestLaunch.FIRMWARE, GuestLaunch.FIRMWARE_BUILTIN);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration c) {
        try {
            project.setText(c.getAttribute(GuestLaunch.PROJECT, ""));
            kernel.setText(c.getAttribute(GuestLaunch.KERNEL, ""));
            String fw = c.getAttribute(GuestLaunch.FIRMWARE, GuestLaunch.FIRMWARE_BUILTIN);
            int index = 0;
            for (int i = 0; i < FIRMWARE_VALUES.length; i++) {
                if (FIRMWARE_VALUES[i].equals(fw)) {
                    index = i;
                }
            }
            firmware.select(index);
            firmwarePath.setText(c.getAttribute(GuestLaunch.FIRMWARE_PATH, ""));
            initrd.setText(c.getAttribute(GuestLaunch.INITRD, ""));
            commandLine.setText(c.getAttribute(GuestLaunch.COMMAND_LINE, ""));
            stopAtEntry.setSelection(c.getAttribute(GuestLaunch.STOP_AT_ENTRY, false));
            updateEnablement();
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(GuestLaunch.PROJECT, project.getText().trim());
        c.setAttribute(GuestLaunch.KERNEL, kernel.getText().trim());
        c.setAttribute(GuestLaunch.FIRMWARE, FIRMWARE_VALUES[Math.max(0, firmware.getSelectionIndex())]);
        c.setAttribute(GuestLaunch.FIRMWARE_PATH, firmwarePath.getText().trim());
        c.setAttribute(GuestLaunch.INITRD, initrd.getText().trim());
        c.setAttribute(GuestLaunch.COMMAND_LINE, commandLine.getText());
        c.setAttribute(GuestLaunch.STOP_AT_ENTRY, stopAtEntry.getSelection());
    }

    @Override
    public boolean isValid(ILaunchConfiguration c) {
        setErrorMessage(null);
        String name = project.getText().trim();
        if (name.isEmpty()) {
            setErrorMessage("Name the project that holds the kernel.");
            return false;
        }
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!p.exists()) {
            setErrorMessage("There is no project " + name + ".");
            return false;
        }
        String k = kernel.getText().trim();
        if (k.isEmpty()) {
            setErrorMessage("Name the kernel: an ELF or an assembly source in the project.");
            return false;
        }
        IFile f = p.getFile(k);
        if (!f.exists()) {
            setErrorMessage("There is no file " + k + " in " + name + ".");
            return false;
        }
        if (firmware.getSelectionIndex() == 2 && firmwarePath.getText().isBlank()) {
            setErrorMessage("Choose the firmware file.");
            return false;
        }
        return true;
    }

    @Override
    public String getName() {
        return "Main";
    }
}
