package dev.guestbench.debug.core.model;

import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;

/** One group of the Registers view (general, floating point, machine CSRs, supervisor CSRs). */
public final class GuestRegisterGroup extends GuestDebugElement implements IRegisterGroup {

    private final GuestStackFrame frame;
    private final RegisterSet.Group group;
    private IRegister[] registers;

    GuestRegisterGroup(GuestStackFrame frame, RegisterSet.Group group) {
        super(frame.getDebugTarget());
        this.frame = frame;
        this.group = group;
    }

    @Override
    public String getName() {
        return group.name();
    }

    @Override
    public synchronized IRegister[] getRegisters() {
        if (registers == null) {
            registers = new IRegister[group.registers().size()];
            for (int i = 0; i < registers.length; i++) {
                registers[i] = new GuestRegister(this, frame.guestThread(), group.registers().get(i));
            }
        }
        return registers;
    }

    @Override
    public boolean hasRegisters() {
        return true;
    }
}
