package dev.guestbench.debug.core.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;

import dev.guestbench.debug.core.GuestDebug;

/** Finds or makes the "Guest kernel" launch configuration of a kernel file. */
public final class GuestLaunchConfigurations {

    private GuestLaunchConfigurations() {
    }

    /** The launch configuration type. */
    public static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(GuestDebug.LAUNCH_TYPE_ID);
    }

    /** The configurations that boot {@code kernel}. */
    public static ILaunchConfiguration[] forKernel(IFile kernel) throws CoreException {
        java.util.List<ILaunchConfiguration> l = new java.util.ArrayList<>();
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations(type())) {
            if (kernel.getProject().getName().equals(c.getAttribute(GuestLaunch.PROJECT, ""))
                    && kernel.getProjectRelativePath().toString().equals(c.getAttribute(GuestLaunch.KERNEL, ""))) {
                l.add(c);
            }
        }
        return l.toArray(ILaunchConfiguration[]::new);
    }

    /**
     * A new configuration booting {@code kernel} with the default machine (built-in SBI, 128 MiB, one vCPU,
     * shadow paging), saved in the workspace.
     */
    public static ILaunchConfiguration create(IFile kernel) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        String name = manager.generateLaunchConfigurationName(kernel.getProject().getName() + " "
                + kernel.getName());
        ILaunchConfigurationWorkingCopy c = type().newInstance(null, name);
        c.setAttribute(GuestLaunch.PROJECT, kernel.getProject().getName());
        c.setAttribute(GuestLaunch.KERNEL, kernel.getProjectRelativePath().toString());
        c.setAttribute(GuestLaunch.FIRMWARE, GuestLaunch.FIRMWARE_BUILTIN);
        c.setAttribute(GuestLaunch.MEMORY_MB, GuestLaunch.DEFAULT_MEMORY_MB);
        c.setAttribute(GuestLaunch.HARTS, GuestLaunch.DEFAULT_HARTS);
        c.setAttribute(GuestLaunch.PAGING, GuestLaunch.DEFAULT_PAGING);
        c.setAttribute(GuestLaunch.TRAP_HISTORY, GuestLaunch.DEFAULT_TRAP_HISTORY);
        c.setMappedResources(new org.eclipse.core.resources.IResource[] {kernel});
        return c.doSave();
    }
}
