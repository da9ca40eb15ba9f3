package dev.guestbench.debug.ui;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelProxyFactory;
import org.eclipse.debug.ui.sourcelookup.ISourceDisplay;

import dev.guestbench.debug.core.model.GuestStackFrame;
import dev.guestbench.debug.ui.viewers.FrameModelProxyFactory;

/** What a guest stack frame adapts to for the platform's debug UI: its source display and its model proxies. */
public final class FrameAdapters implements IAdapterFactory {

    private static final GuestSourceDisplay DISPLAY = new GuestSourceDisplay();
    private static final FrameModelProxyFactory PROXIES = new FrameModelProxyFactory();

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (!(adaptable instanceof GuestStackFrame)) {
            return null;
        }
        if (adapterType == ISourceDisplay.class) {
            return adapterType.cast(DISPLAY);
        }
        if (adapterType == IModelProxyFactory.class) {
            return adapterType.cast(PROXIES);
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {ISourceDisplay.class, IModelProxyFactory.class};
    }
}
