package dev.guestbench.debug.ui.viewers;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelDelta;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IPresentationContext;
import org.eclipse.debug.internal.ui.viewers.model.provisional.ModelDelta;
import org.eclipse.debug.internal.ui.viewers.provisional.AbstractModelProxy;

import dev.guestbench.debug.core.model.GuestStackFrame;

/**
 * Tells the Registers or Variables view showing a guest frame to refresh its content: once per event set
 * in which the frame's vCPU (or the whole VM) suspended or an element of the VM changed. The platform's
 * proxy refreshes on every event, the step's RESUME included whenever the vCPU is already suspended again by
 * the time the event is dispatched, which a one-instruction step always is: two full refreshes per step.
 */
final class FrameModelProxy extends AbstractModelProxy implements IDebugEventSetListener {

    private final GuestStackFrame frame;

    FrameModelProxy(GuestStackFrame frame) {
        this.frame = frame;
    }

    @Override
    public void init(IPresentationContext context) {
        super.init(context);
        DebugPlugin.getDefault().addDebugEventListener(this);
    }

    @Override
    public synchronized void dispose() {
        super.dispose();
        DebugPlugin.getDefault().removeDebugEventListener(this);
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        if (isDisposed()) {
            return;
        }
        for (DebugEvent e : events) {
            if (touchesFrame(e)) {
                if (frame.isSuspended()) {
                    fireModelChanged(new ModelDelta(frame, IModelDelta.CONTENT));
                }
                return;
            }
        }
    }

    private boolean touchesFrame(DebugEvent e) {
        if (e.getDetail() == DebugEvent.EVALUATION_IMPLICIT || !(e.getSource() instanceof IDebugElement source)
                || source.getDebugTarget() != frame.getDebugTarget()) {
            return false;
        }
        return switch (e.getKind()) {
            case DebugEvent.SUSPEND -> source == frame.getThread() || source == frame.getDebugTarget();
            case DebugEvent.CHANGE -> true;
            default -> false;
        };
    }
}
