package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.IRunToLineTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;

/** Gives the assembly editor its breakpoint toggling and run-to-line. */
public final class EditorAdapterFactory implements IAdapterFactory {

    private static final LineBreakpointToggler TOGGLER = new LineBreakpointToggler();

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType == IToggleBreakpointsTarget.class || adapterType == IRunToLineTarget.class) {
            return adapterType.cast(TOGGLER);
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IToggleBreakpointsTarget.class, IRunToLineTarget.class};
    }
}
