package dev.guestbench.debug.core.model;

import java.util.Locale;

import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;

import dev.guestbench.isa.elf.DwarfLineTable;

/**
 * A vCPU's current pc as a stack frame: named by its label, placed in the source by the line table. A
 * thread keeps one frame for its life and moves it to the pc at each suspend, as JDT keeps a method's frame
 * across steps: the views that show a frame's registers then refresh their content in place instead of
 * taking a new input (and rebuilding their trees) at every step.
 */
public final class GuestStackFrame extends GuestDebugElement implements IStackFrame {

    /** Where the frame is: the pc and its line-table row, changed together. */
    private record Position(long pc, DwarfLineTable.Row row) {
    }

    private final GuestThread thread;
    private volatile Position position;
    private IRegisterGroup[] groups;

    GuestStackFrame(GuestThread thread, long pc) {
        super(thread.getDebugTarget());
        this.thread = thread;
        moveTo(pc);
    }

    /** Points the frame at {@code pc} (a suspend or a pc write moved the vCPU). */
    void moveTo(long pc) {
        Position p = position;
        if (p == null || p.pc() != pc) {
            position = new Position(pc, thread.guestTarget().kernel().lines().rowAt(pc));
        }
    }

    /** The pc this frame shows. */
    public long pc() {
        return position.pc();
    }

    /** The source file the pc's code came from, as the line table names it, or null. */
    public String sourcePath() {
        DwarfLineTable.Row row = position.row();
        return row == null ? null : row.file();
    }

    @Override
    public IThread getThread() {
        return thread;
    }

    @Override
    public IVariable[] getVariables() {
        return new IVariable[0];
    }

    @Override
    public boolean hasVariables() {
        return false;
    }

    @Override
    public int getLineNumber() {
        DwarfLineTable.Row row = position.row();
        return row == null ? -1 : row.line();
    }

    @Override
    public int getCharStart() {
        return -1;
    }

    @Override
    public int getCharEnd() {
        return -1;
    }

    @Override
    public String getName() {
        Position p = position;
        long pc = p.pc();
        DwarfLineTable.Row row = p.row();
        String label = thread.guestTarget().kernel().label(pc);
        String where = String.format(Locale.ROOT, "0x%x", pc);
        String name = label == null ? where : label + " (" + where + ")";
        if (row != null) {
            String file = row.file();
            name += " at " + file.substring(file.lastIndexOf('/') + 1) + ":" + row.line();
        }
        return name;
    }

    @Override
    public synchronized IRegisterGroup[] getRegisterGroups() {
        if (groups == null) {
            groups = new IRegisterGroup[RegisterSet.GROUPS.size()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = new GuestRegisterGroup(this, RegisterSet.GROUPS.get(i));
            }
        }
        return groups;
    }

    @Override
    public boolean hasRegisterGroups() {
        return true;
    }

    /** The thread (typed). */
    public GuestThread guestThread() {
        return thread;
    }

    // Run control is the thread's.

    @Override
    public boolean canStepInto() {
        return thread.canStepInto();
    }

    @Override
    public boolean canStepOver() {
        return thread.canStepOver();
    }

    @Override
    public boolean canStepReturn() {
        return thread.canStepReturn();
    }

    @Override
    public boolean isStepping() {
        return thread.isStepping();
    }

    @Override
    public void stepInto() {
        thread.stepInto();
    }

    @Override
    public void stepOver() {
        thread.stepOver();
    }

    @Override
    public void stepReturn() {
        thread.stepReturn();
    }

    @Override
    public boolean canResume() {
        return thread.canResume();
    }

    @Override
    public boolean canSuspend() {
        return thread.canSuspend();
    }

    @Override
    public boolean isSuspended() {
        return thread.isSuspended();
    }

    @Override
    public void resume() {
        thread.resume();
    }

    @Override
    public void suspend() {
        thread.suspend();
    }

    @Override
    public boolean canTerminate() {
        return thread.canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public void terminate() {
        thread.terminate();
    }
}
