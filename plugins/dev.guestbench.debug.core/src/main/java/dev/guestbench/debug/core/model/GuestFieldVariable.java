package dev.guestbench.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

import dev.guestbench.isa.CsrField;

/** A decoded field of a CSR's value (mstatus.MPP, satp.MODE, ...), read-only: edit the CSR itself. */
public final class GuestFieldVariable extends GuestDebugElement implements IVariable {

    private final RegisterSet.Def csr;
    private final CsrField field;
    private final long csrValue;

    GuestFieldVariable(GuestValue parent, RegisterSet.Def csr, CsrField field, long csrValue) {
        super(parent.getDebugTarget());
        this.csr = csr;
        this.field = field;
        this.csrValue = csrValue;
    }

    @Override
    public IValue getValue() {
        String text = RegisterSet.formatField(csr, field, csrValue);
        return new IValue() {
            @Override
            public String getModelIdentifier() {
                return GuestFieldVariable.this.getModelIdentifier();
            }

            @Override
            public org.eclipse.debug.core.model.IDebugTarget getDebugTarget() {
                return GuestFieldVariable.this.getDebugTarget();
            }

            @Override
            public org.eclipse.debug.core.ILaunch getLaunch() {
                return GuestFieldVariable.this.getLaunch();
            }

            @Override
            public <T> T getAdapter(Class<T> adapter) {
                return null;
            }

            @Override
            public String getReferenceTypeName() {
                return field.width() + "-bit field";
            }

            @Override
            public String getValueString() {
                return text;
            }

            @Override
            public boolean isAllocated() {
                return true;
            }

            @Override
            public IVariable[] getVariables() {
                return new IVariable[0];
            }

            @Override
            public boolean hasVariables() {
                return false;
            }
        };
    }

    @Override
    public String getName() {
        return field.name() + " [" + field.bits() + "]";
    }

    @Override
    public String getReferenceTypeName() {
        return field.description();
    }

    @Override
    public boolean hasValueChanged() {
        return false;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        throw new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
                dev.guestbench.debug.core.GuestDebug.PLUGIN_ID, "edit " + csr.name() + " itself to change a field"));
    }

    @Override
    public void setValue(IValue value) throws DebugException {
        setValue("");
    }

    @Override
    public boolean supportsValueModification() {
        return false;
    }

    @Override
    public boolean verifyValue(String expression) {
        return false;
    }

    @Override
    public boolean verifyValue(IValue value) {
        return false;
    }
}
