package dev.guestbench.debug.ui.viewers;

import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelProxy;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelProxyFactory;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IPresentationContext;
import org.eclipse.debug.internal.ui.viewers.update.DefaultModelProxyFactory;
import org.eclipse.debug.ui.IDebugUIConstants;

import dev.guestbench.debug.core.model.GuestStackFrame;

/**
 * Model proxies for a guest stack frame: {@link FrameModelProxy} where the frame is the Registers or
 * Variables view's input, the platform's own everywhere else.
 */
public final class FrameModelProxyFactory implements IModelProxyFactory {

    private final IModelProxyFactory platform = new DefaultModelProxyFactory();

    @Override
    public IModelProxy createModelProxy(Object element, IPresentationContext context) {
        String view = context.getId();
        if (element instanceof GuestStackFrame frame
                && (IDebugUIConstants.ID_REGISTER_VIEW.equals(view) || IDebugUIConstants.ID_VARIABLE_VIEW.equals(view))) {
            return new FrameModelProxy(frame);
        }
        return platform.createModelProxy(element, context);
    }
}
