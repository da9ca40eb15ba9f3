package dev.guestbench.debug.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;

import dev.guestbench.asm.ui.tests.Workbench;

/** Launches a configuration as the UI does, for the debugger's tests and benchmark. */
public final class Launches {

    private Launches() {
    }

    /**
     * What DebugUITools.launch ends in (a job, off the UI thread), without its preference prompts; waits up to
     * {@code timeout} for the launch and fails the test if it did not succeed.
     */
    public static ILaunch launch(ILaunchConfiguration config, String mode, Duration timeout) {
        ILaunch[] result = new ILaunch[1];
        Job job = new Job("Launching " + config.getName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    result[0] = config.launch(mode, monitor);
                    return Status.OK_STATUS;
                } catch (CoreException e) {
                    return e.getStatus();
                }
            }
        };
        job.schedule();
        Workbench.waitUntil("the launch job", timeout, () -> job.getResult() != null);
        assertTrue(job.getResult().isOK(), job.getResult().toString());
        return result[0];
    }
}
