package dev.guestbench.debug.ui.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;

import dev.guestbench.debug.core.launch.GuestLaunch;
import dev.guestbench.vmm.VmConfig;

/** The Machine tab: memory, vCPUs, paging mode and the trap history's size. */
public final class MachineTab extends AbstractLaunchConfigurationTab {

    private Spinner memory;
    private Spinner harts;
    private Combo paging;
    private Spinner history;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        memory = spinner(c, "&Memory (MiB):", 1, 4096);
        harts = spinner(c, "&vCPUs:", 1, VmConfig.MAX_HARTS);
        new Label(c, SWT.NONE).setText("&Paging:");
        paging = new Combo(c, SWT.READ_ONLY);
        paging.setItems("shadow page tables", "nested paging (G-stage)");
        paging.addListener(SWT.Selection, e -> changed());
        history = spinner(c, "&Trap history (records):", 1, 1 << 24);
        setControl(c);
    }

    private Spinner spinner(Composite c, String label, int min, int max) {
        new Label(c, SWT.NONE).setText(label);
        Spinner s = new Spinner(c, SWT.BORDER);
        s.setMinimum(min);
        s.setMaximum(max);
        s.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        s.addModifyListener(e -> changed());
        return s;
    }

    private void changed() {
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(GuestLaunch.MEMORY_MB, GuestLaunch.DEFAULT_MEMORY_MB);
        c.setAttribute(GuestLaunch.HARTS, GuestLaunch.DEFAULT_HARTS);
        c.setAttribute(GuestLaunch.PAGING, GuestLaunch.DEFAULT_PAGING);
        c.setAttribute(GuestLaunch.TRAP_HISTORY, GuestLaunch.DEFAULT_TRAP_HISTORY);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration c) {
        try {
            memory.setSelection(c.getAttribute(GuestLaunch.MEMORY_MB, GuestLaunch.DEFAULT_MEMORY_MB));
            harts.setSelection(c.getAttribute(GuestLaunch.HARTS, GuestLaunch.DEFAULT_HARTS));
            paging.select("nested".equals(c.getAttribute(GuestLaunch.PAGING, GuestLaunch.DEFAULT_PAGING)) ? 1 : 0);
            history.setSelection(c.getAttribute(GuestLaunch.TRAP_HISTORY, GuestLaunch.DEFAULT_TRAP_HISTORY));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(GuestLaunch.MEMORY_MB, memory.getSelection());
        c.setAttribute(GuestLaunch.HARTS, harts.getSelection());
        c.setAttribute(GuestLaunch.PAGING, paging.getSelectionIndex() == 1 ? "nested" : "shadow");
        c.setAttribute(GuestLaunch.TRAP_HISTORY, history.getSelection());
    }

    @Override
    public String getName() {
        return "Machine";
    }
}
