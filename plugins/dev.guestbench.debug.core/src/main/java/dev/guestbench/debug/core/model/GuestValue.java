package dev.guestbench.debug.core.model;

import java.util.List;

import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

import dev.guestbench.isa.CsrField;

/** A register's value; a CSR's value holds its decoded fields as children. */
public final class GuestValue extends GuestDebugElement implements IValue {

    private final GuestRegister register;
    private final long value;

    GuestValue(GuestRegister register, long value) {
        super(register.getDebugTarget());
        this.register = register;
        this.value = value;
    }

    /** The raw 64 bits. */
    public long raw() {
        return value;
    }

    @Override
    public String getReferenceTypeName() {
        return register.getReferenceTypeName();
    }

    @Override
    public String getValueString() {
        return RegisterSet.format(register.def(), value);
    }

    @Override
    public boolean isAllocated() {
        return true;
    }

    @Override
    public IVariable[] getVariables() {
        RegisterSet.Def def = register.def();
        if (def.csr() == null) {
            return new IVariable[0];
        }
        List<CsrField> fields = def.csr().fields();
        IVariable[] vars = new IVariable[fields.size()];
        for (int i = 0; i < vars.length; i++) {
            vars[i] = new GuestFieldVariable(this, def, fields.get(i), value);
        }
        return vars;
    }

    @Override
    public boolean hasVariables() {
        return register.def().csr() != null && !register.def().csr().fields().isEmpty();
    }
}
