package dev.guestbench.debug.core.model;

import java.math.BigInteger;
import java.util.Locale;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IValue;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.vmm.debug.VmDebugger;

/** One register of a vCPU: read from the VM when shown, written through the VM's rules when edited. */
public final class GuestRegister extends GuestDebugElement implements IRegister {

    private final GuestRegisterGroup group;
    private final GuestThread thread;
    private final RegisterSet.Def def;

    GuestRegister(GuestRegisterGroup group, GuestThread thread, RegisterSet.Def def) {
        super(group.getDebugTarget());
        this.group = group;
        this.thread = thread;
        this.def = def;
    }

    /** What register this is. */
    public RegisterSet.Def def() {
        return def;
    }

    /** The register's raw value now. */
    public long raw() {
        VmDebugger vm = guestTarget().debugger();
        int h = thread.hart();
        return switch (def.kind()) {
            case PC -> vm.pc(h);
            case GPR -> vm.gpr(h, def.number());
            case FPR -> vm.fpr(h, def.number());
            case CSR -> vm.csr(h, def.number());
        };
    }

    @Override
    public IValue getValue() {
        long v = raw();
        thread.noteValue(def.name(), v);
        return new GuestValue(this, v);
    }

    @Override
    public String getName() {
        return def.name();
    }

    @Override
    public String getReferenceTypeName() {
        return def.kind() == RegisterSet.Kind.CSR ? "CSR 0x" + Integer.toHexString(def.number()) : "64-bit register";
    }

    @Override
    public boolean hasValueChanged() {
        return thread.noteValue(def.name(), raw());
    }

    @Override
    public IRegisterGroup getRegisterGroup() {
        return group;
    }

    @Override
    public boolean supportsValueModification() {
        return !(def.kind() == RegisterSet.Kind.CSR && def.csr().isReadOnly()) && !"x0 (zero)".equals(def.name());
    }

    @Override
    public boolean verifyValue(String expression) {
        return parse(expression) != null;
    }

    @Override
    public boolean verifyValue(IValue value) {
        return value instanceof GuestValue;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        Long v = parse(expression);
        if (v == null) {
            throw new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
                    GuestDebug.PLUGIN_ID, "'" + expression + "' is not a number (decimal, 0x hex or 0b binary)"));
        }
        write(v);
    }

    @Override
    public void setValue(IValue value) throws DebugException {
        if (value instanceof GuestValue g) {
            write(g.raw());
        }
    }

    private void write(long v) throws DebugException {
        VmDebugger vm = guestTarget().debugger();
        int h = thread.hart();
        try {
            switch (def.kind()) {
                case PC -> vm.setPc(h, v);
                case GPR -> vm.setGpr(h, def.number(), v);
                case FPR -> vm.setFpr(h, def.number(), v);
                case CSR -> vm.setCsr(h, def.number(), v);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
                    GuestDebug.PLUGIN_ID, def.name() + ": " + e.getMessage(), e));
        }
        fireChangeEvent(DebugEvent.CONTENT);
        if (def.kind() == RegisterSet.Kind.PC) {
            thread.followPc();
            thread.fireChangeEvent(DebugEvent.CONTENT);
        }
    }

    /** A 64-bit value from decimal (signed), 0x hex or 0b binary; null if it is none. */
    static Long parse(String expression) {
        String s = expression.trim().toLowerCase(Locale.ROOT).replace("_", "");
        try {
            BigInteger v;
            boolean negative = s.startsWith("-");
            String digits = negative ? s.substring(1) : s;
            if (digits.startsWith("0x")) {
                v = new BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0b")) {
                v = new BigInteger(digits.substring(2), 2);
            } else {
                v = new BigInteger(digits, 10);
            }
            if (negative) {
                v = v.negate();
            }
            boolean fits = negative ? v.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) >= 0 : v.bitLength() <= 64;
            if (!fits) {
                return null;
            }
            return v.longValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
