package dev.guestbench.debug.ui.views;

import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.swt.widgets.Control;

import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.ui.GuestContext;

/**
 * Runs a view's refresh on the UI thread after every suspend, change or termination of a debug element, and, for
 * views that follow a running VM, also every few milliseconds while the chosen VM runs (or once after it
 * stops or another is chosen), until {@link #stop}.
 */
final class ViewRefresher implements IDebugEventSetListener {

    private final Control control;
    private final Runnable refresh;
    private final int periodMillis;
    private volatile boolean stopped;
    /** {@link #idleState()} at the last refresh. */
    private Object shown;

    private ViewRefresher(Control control, Runnable refresh, int periodMillis) {
        this.control = control;
        this.refresh = refresh;
        this.periodMillis = periodMillis;
    }

    /** Refreshes through {@code refresh} at each suspend; with {@code periodMillis} > 0 also on that period. */
    static ViewRefresher start(Control control, int periodMillis, Runnable refresh) {
        ViewRefresher r = new ViewRefresher(control, refresh, periodMillis);
        DebugPlugin.getDefault().addDebugEventListener(r);
        if (periodMillis > 0) {
            r.schedule();
        }
        return r;
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent e : events) {
            if (e.getKind() == DebugEvent.SUSPEND || e.getKind() == DebugEvent.TERMINATE || e.getKind() == DebugEvent.CHANGE) {
                control.getDisplay().asyncExec(this::refreshIfAlive);
                return;
            }
        }
    }

    private void schedule() {
        control.getDisplay().timerExec(periodMillis, () -> {
            if (stopped || control.isDisposed()) {
                return;
            }
            // A VM that does not run shows the same until it runs, stops again or another is chosen: the
            // timer then leaves the UI thread to the views that update after a step.
            Object state = idleState();
            if (state == null || !state.equals(shown)) {
                refreshIfAlive();
            }
            schedule();
        });
    }

    private void refreshIfAlive() {
        if (stopped || control.isDisposed()) {
            return;
        }
        refresh.run();
        shown = idleState();
    }

    /** What the view shows while the chosen VM does not run (it, and its suspend count), or null while it runs. */
    private static Object idleState() {
        GuestDebugTarget t = GuestContext.target();
        if (t == null) {
            return "no VM";
        }
        if (t.isTerminated()) {
            return List.of(t, "terminated");
        }
        return t.isSuspended() ? List.of(t, t.suspendCount()) : null;
    }

    /** Stops refreshing (the view is being disposed). */
    void stop() {
        stopped = true;
        DebugPlugin.getDefault().removeDebugEventListener(this);
    }
}
