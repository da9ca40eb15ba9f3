package dev.guestbench.debug.ui.views;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.swt.widgets.Control;

/**
 * Runs a view's refresh on the UI thread after every suspend or termination of a debug element, and, for
 * views that follow a running VM, also every few milliseconds, until {@link #stop}.
 */
final class ViewRefresher implements IDebugEventSetListener {

    private final Control control;
    private final Runnable refresh;
    private final int periodMillis;
    private volatile boolean stopped;

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
            if (e.getKind() == DebugEvent.SUSPEND || e.getKind() == DebugEvent.TERMINATE) {
                control.getDisplay().asyncExec(this::refreshIfAlive);
                return;
            }
        }
    }

    private void schedule() {
        control.getDisplay().timerExec(periodMillis, () -> {
            if (refreshIfAlive()) {
                schedule();
            }
        });
    }

    private boolean refreshIfAlive() {
        if (stopped || control.isDisposed()) {
            return false;
        }
        refresh.run();
        return true;
    }

    /** Stops refreshing (the view is being disposed). */
    void stop() {
        stopped = true;
        DebugPlugin.getDefault().removeDebugEventListener(this);
    }
}
