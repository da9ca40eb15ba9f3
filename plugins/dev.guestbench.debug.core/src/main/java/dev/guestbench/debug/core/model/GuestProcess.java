package dev.guestbench.debug.core.model;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IFlushableStreamMonitor;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;

import dev.guestbench.vmm.RunResult;
import dev.guestbench.vmm.debug.DebugListener;
import dev.guestbench.vmm.debug.VmDebugger;

/**
 * The guest VM as a process of the launch, so that the Console view shows the UART: the guest's output
 * is the process's output stream and what the user types goes to the guest. Output is not kept once a
 * console has taken it (a guest flooding the UART must not fill the heap).
 */
public final class GuestProcess extends org.eclipse.core.runtime.PlatformObject implements IProcess, DebugListener {

    private final ILaunch launch;
    private final VmDebugger debugger;
    private final String label;
    private final Map<String, String> attributes = new HashMap<>();
    private final Output output = new Output();
    private final Output errors = new Output();
    private volatile int exitValue = -1;
    private volatile boolean terminated;

    public GuestProcess(ILaunch launch, VmDebugger debugger, String label) {
        this.launch = launch;
        this.debugger = debugger;
        this.label = label;
        attributes.put(IProcess.ATTR_PROCESS_TYPE, "guestbench.vm");
        debugger.addListener(this);
        launch.addProcess(this);
        fire(DebugEvent.CREATE);
    }

    /** The VM. */
    public VmDebugger debugger() {
        return debugger;
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return streams;
    }

    @Override
    public void setAttribute(String key, String value) {
        attributes.put(key, value);
    }

    @Override
    public String getAttribute(String key) {
        return attributes.get(key);
    }

    @Override
    public int getExitValue() {
        return exitValue;
    }

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() {
        debugger.terminate();
    }

    @Override
    public void consoleOutput(byte[] bytes) {
        output.append(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void terminated(RunResult.Ending ending, int failCode) {
        vmEnded(ending, failCode);
    }

    /** The VM ended: tell the console how, then the launch. */
    synchronized void vmEnded(RunResult.Ending ending, int failCode) {
        if (terminated) {
            return;
        }
        long dropped = debugger.droppedOutput();
        if (dropped > 0) {
            errors.append("\n[guestbench: " + dropped + " bytes of UART output were dropped: the console could not keep up]\n");
        }
        String how = switch (ending) {
            case PASSED -> "the guest powered off (pass)";
            case FAILED -> "the guest reported failure, code " + failCode;
            case RESET -> "the guest asked for a reset";
            case QUIT -> "terminated";
            default -> ending.name().toLowerCase(java.util.Locale.ROOT);
        };
        errors.append("\n[guestbench: " + how + "]\n");
        exitValue = new RunResult(ending, failCode, 0, 0).exitStatus();
        terminated = true;
        fire(DebugEvent.TERMINATE);
    }

    private void fire(int kind) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.fireDebugEventSet(new DebugEvent[] {new DebugEvent(this, kind)});
        }
    }

    private final IStreamsProxy streams = new IStreamsProxy() {
        @Override
        public IStreamMonitor getErrorStreamMonitor() {
            return errors;
        }

        @Override
        public IStreamMonitor getOutputStreamMonitor() {
            return output;
        }

        @Override
        public void write(String input) {
            debugger.sendInput(input.getBytes(StandardCharsets.ISO_8859_1));
        }
    };

    /** One stream: listeners hear each chunk; contents are kept only until a console unbuffers it. */
    private static final class Output implements IFlushableStreamMonitor {
        private final CopyOnWriteArrayList<IStreamListener> listeners = new CopyOnWriteArrayList<>();
        private final StringBuilder contents = new StringBuilder();
        private boolean buffered = true;

        synchronized void append(String text) {
            if (buffered && contents.length() < (1 << 20)) {
                contents.append(text);
            }
            for (IStreamListener l : listeners) {
                l.streamAppended(text, this);
            }
        }

        @Override
        public void addListener(IStreamListener listener) {
            listeners.add(listener);
        }

        @Override
        public synchronized String getContents() {
            return contents.toString();
        }

        @Override
        public void removeListener(IStreamListener listener) {
            listeners.remove(listener);
        }

        @Override
        public synchronized void flushContents() {
            contents.setLength(0);
        }

        @Override
        public synchronized void setBuffered(boolean buffer) {
            buffered = buffer;
        }

        @Override
        public synchronized boolean isBuffered() {
            return buffered;
        }
    }
}
