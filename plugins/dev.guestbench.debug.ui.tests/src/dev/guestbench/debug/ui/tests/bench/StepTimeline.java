package dev.guestbench.debug.ui.tests.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;

/**
 * What happened during one step, in order, for the benchmark's report when asked for
 * ({@code -Dguestbench.bench.timeline=N} prints the timelines of N steps): debug events as the platform
 * dispatched them, jobs scheduled, started and done (by name and class), and each part's repaints. It
 * shows where a step's time goes between the model's suspend and the views' last repaint.
 */
final class StepTimeline {

    private final long t0;
    private final List<String> entries = new ArrayList<>();
    private final IDebugEventSetListener debugEvents = this::debugEvents;
    private final IJobChangeListener jobs = new JobChangeAdapter() {
        @Override
        public void scheduled(IJobChangeEvent event) {
            add("job scheduled" + (event.getDelay() > 0 ? " (delay " + event.getDelay() + " ms)" : ""), event.getJob());
        }

        @Override
        public void running(IJobChangeEvent event) {
            add("job running", event.getJob());
        }

        @Override
        public void done(IJobChangeEvent event) {
            add("job done", event.getJob());
        }
    };

    StepTimeline(long t0) {
        this.t0 = t0;
        DebugPlugin.getDefault().addDebugEventListener(debugEvents);
        Job.getJobManager().addJobChangeListener(jobs);
    }

    /** Stops recording. */
    void close() {
        DebugPlugin.getDefault().removeDebugEventListener(debugEvents);
        Job.getJobManager().removeJobChangeListener(jobs);
    }

    /** Notes a repaint of {@code part}. */
    void paint(String part) {
        add("paint " + part);
    }

    private void debugEvents(DebugEvent[] events) {
        for (DebugEvent e : events) {
            add("debug event " + kind(e.getKind()) + " detail " + e.getDetail() + " from "
                    + e.getSource().getClass().getSimpleName());
        }
    }

    private void add(String what, Job job) {
        if (job.getName().equals("Process Console Input Job")) {
            return;
        }
        add(what + ": " + job.getName() + " [" + job.getClass().getName() + "]");
    }

    private synchronized void add(String what) {
        entries.add(String.format(Locale.ROOT, "%8.2f ms  %-24s %s", (System.nanoTime() - t0) / 1e6,
                Thread.currentThread().getName(), what));
    }

    /** The entries, one per line. */
    synchronized List<String> lines() {
        return List.copyOf(entries);
    }

    private static String kind(int kind) {
        return switch (kind) {
            case DebugEvent.SUSPEND -> "SUSPEND";
            case DebugEvent.RESUME -> "RESUME";
            case DebugEvent.CHANGE -> "CHANGE";
            case DebugEvent.CREATE -> "CREATE";
            case DebugEvent.TERMINATE -> "TERMINATE";
            default -> Integer.toString(kind);
        };
    }
}
