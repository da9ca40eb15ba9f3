package dev.guestbench.vmm.sbi;

import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.exit.Hypercalls;
import dev.guestbench.vmm.memory.Access;
import dev.guestbench.vmm.memory.GuestPhysicalMap;

/**
 * The SBI (v2.0) answered by the hypervisor in direct boot, where no firmware runs in the guest: the base,
 * TIME, IPI, RFENCE, HSM, SRST and DBCN extensions and the legacy v0.1 calls, one method per extension.
 */
public final class Sbi implements Hypercalls {

    static final long EXT_BASE = 0x10;
    static final long EXT_TIME = 0x54494D45L;
    static final long EXT_IPI = 0x735049L;
    static final long EXT_RFENCE = 0x52464E43L;
    static final long EXT_HSM = 0x48534DL;
    static final long EXT_SRST = 0x53525354L;
    static final long EXT_DBCN = 0x4442434EL;
    private static final long LEGACY_LAST = 0x08;

    /** SBI specification 2.0. */
    private static final long SPEC_VERSION = 2L << 24;
    /** Our implementation id: outside the ids the SBI spec has given out (0..10). */
    static final long IMPL_ID = 0x4742;
    private static final long IMPL_VERSION = 1;

    private static final int SSIP = 1;
    private static final long SSIP_BIT = 1L << SSIP;

    private static final int HSM_STARTED = 0;
    private static final int HSM_STOPPED = 1;

    private final SbiMachine machine;
    private final SbiTimers timers;

    public Sbi(SbiMachine machine, SbiTimers timers) {
        this.machine = machine;
        this.timers = timers;
    }

    @Override
    public long call(Vcpu cpu) {
        SbiCall call = new SbiCall(cpu.state);
        long ext = call.extension();
        int fid = call.function();
        if (ext >= 0 && ext <= LEGACY_LAST) {
            legacy(cpu, call, (int) ext);
            return ext << 32;
        }
        if (ext == EXT_BASE) {
            base(call, fid);
        } else if (ext == EXT_TIME) {
            time(cpu, call, fid);
        } else if (ext == EXT_IPI) {
            ipi(call, fid);
        } else if (ext == EXT_RFENCE) {
            rfence(call, fid);
        } else if (ext == EXT_HSM) {
            hsm(cpu, call, fid);
        } else if (ext == EXT_SRST) {
            srst(call, fid);
        } else if (ext == EXT_DBCN) {
            dbcn(call, fid);
        } else {
            call.ret(SbiError.NOT_SUPPORTED, 0);
        }
        return ext << 32 | (fid & 0xffff_ffffL);
    }

    private static boolean supported(long ext) {
        return ext == EXT_BASE || ext == EXT_TIME || ext == EXT_IPI || ext == EXT_RFENCE || ext == EXT_HSM
                || ext == EXT_SRST || ext == EXT_DBCN || (ext >= 0 && ext <= LEGACY_LAST);
    }

    private void base(SbiCall call, int fid) {
        switch (fid) {
            case 0 -> call.ret(SbiError.SUCCESS, SPEC_VERSION);
            case 1 -> call.ret(SbiError.SUCCESS, IMPL_ID);
            case 2 -> call.ret(SbiError.SUCCESS, IMPL_VERSION);
            case 3 -> call.ret(SbiError.SUCCESS, supported(call.arg(0)) ? 1 : 0);
            // mvendorid, marchid, mimpid: the values our harts' M-mode CSRs hold.
            case 4, 5, 6 -> call.ret(SbiError.SUCCESS, 0);
            default -> call.ret(SbiError.NOT_SUPPORTED, 0);
        }
    }

    private void time(Vcpu cpu, SbiCall call, int fid) {
        if (fid != 0) {
            call.ret(SbiError.NOT_SUPPORTED, 0);
            return;
        }
        timers.set(cpu.state.hartId, call.arg(0));
        call.ret(SbiError.SUCCESS, 0);
    }

    private void ipi(SbiCall call, int fid) {
        if (fid != 0) {
            call.ret(SbiError.NOT_SUPPORTED, 0);
            return;
        }
        long error = forEachHart(call.arg(0), call.arg(1), cpu -> cpu.state.mipSoftware |= SSIP_BIT);
        call.ret(error, 0);
    }

    private void rfence(SbiCall call, int fid) {
        if (fid < 0 || fid > 2) {
            // The hypervisor-extension fences need an H extension the guest does not have.
            call.ret(SbiError.NOT_SUPPORTED, 0);
            return;
        }
        // A fence of every address and address space covers the ranges and ASIDs the call names.
        long error = forEachHart(call.arg(0), call.arg(1), cpu -> cpu.mmu.sfence(-1, -1));
        call.ret(error, 0);
    }

    private void hsm(Vcpu caller, SbiCall call, int fid) {
        switch (fid) {
            case 0 -> {
                long id = call.arg(0);
                if (id < 0 || id >= machine.harts().size()) {
                    call.ret(SbiError.INVALID_PARAM, 0);
                    return;
                }
                HartState target = machine.harts().get((int) id).state;
                if (target.running) {
                    call.ret(SbiError.ALREADY_AVAILABLE, 0);
                    return;
                }
                long start = call.arg(1);
                if (!machine.ram().isRam(start, 2)) {
                    call.ret(SbiError.INVALID_ADDRESS, 0);
                    return;
                }
                // The SBI's hart start state: S-mode at start_addr, a0 = hart id, a1 = opaque, satp = 0, SIE = 0.
                target.pc = start;
                target.priv = HartState.PRIV_S;
                target.x[10] = id;
                target.x[11] = call.arg(2);
                target.satp = 0;
                target.mstatus &= ~(1L << 1);
                target.waitingForInterrupt = false;
                target.running = true;
                call.ret(SbiError.SUCCESS, 0);
            }
            case 1 -> {
                caller.state.running = false;
                call.ret(SbiError.SUCCESS, 0);
            }
            case 2 -> {
                long id = call.arg(0);
                if (id < 0 || id >= machine.harts().size()) {
                    call.ret(SbiError.INVALID_PARAM, 0);
                } else {
                    call.ret(SbiError.SUCCESS, machine.harts().get((int) id).state.running ? HSM_STARTED : HSM_STOPPED);
                }
            }
            case 3 -> {
                // Default retentive suspend: like WFI, the call returns once an interrupt is pending.
                if (call.arg(0) != 0) {
                    call.ret(SbiError.NOT_SUPPORTED, 0);
                    return;
                }
                HartState s = caller.state;
                if ((s.mip() & s.mie) == 0) {
                    s.waitingForInterrupt = true;
                }
                call.ret(SbiError.SUCCESS, 0);
            }
            default -> call.ret(SbiError.NOT_SUPPORTED, 0);
        }
    }

    private void srst(SbiCall call, int fid) {
        if (fid != 0) {
            call.ret(SbiError.NOT_SUPPORTED, 0);
            return;
        }
        long type = call.arg(0);
        long reason = call.arg(1);
        if (type < 0 || type > 2 || reason < 0 || reason > 1) {
            call.ret(SbiError.INVALID_PARAM, 0);
            return;
        }
        if (type == 0) {
            machine.power().pass();
        } else {
            machine.power().reset();
        }
        call.ret(SbiError.SUCCESS, 0);
    }

    private void dbcn(SbiCall call, int fid) {
        switch (fid) {
            case 0, 1 -> {
                long length = call.arg(0);
                long address = call.arg(1);
                GuestPhysicalMap ram = machine.ram();
                if (call.arg(2) != 0 || length < 0 || length > Integer.MAX_VALUE || !ram.isRam(address, length)) {
                    call.ret(SbiError.INVALID_PARAM, 0);
                    return;
                }
                int n = (int) length;
                if (fid == 0) {
                    for (int i = 0; i < n; i++) {
                        machine.console().write(ram.page(address + i)[(int) (address + i) & 0xfff] & 0xff);
                    }
                    call.ret(SbiError.SUCCESS, n);
                } else {
                    int read = 0;
                    while (read < n) {
                        int b = machine.console().read();
                        if (b < 0) {
                            break;
                        }
                        ram.page(address + read)[(int) (address + read) & 0xfff] = (byte) b;
                        read++;
                    }
                    call.ret(SbiError.SUCCESS, read);
                }
            }
            case 2 -> {
                machine.console().write((int) call.arg(0) & 0xff);
                call.ret(SbiError.SUCCESS, 0);
            }
            default -> call.ret(SbiError.NOT_SUPPORTED, 0);
        }
    }

    private void legacy(Vcpu cpu, SbiCall call, int ext) {
        switch (ext) {
            case 0 -> {
                timers.set(cpu.state.hartId, call.arg(0));
                call.legacyReturn(0);
            }
            case 1 -> {
                machine.console().write((int) call.arg(0) & 0xff);
                call.legacyReturn(0);
            }
            case 2 -> call.legacyReturn(machine.console().read());
            case 3 -> {
                cpu.state.mipSoftware &= ~SSIP_BIT;
                call.legacyReturn(0);
            }
            case 4, 5, 6, 7 -> {
                // The legacy calls pass the mask by its virtual address in the caller's address space.
                long pointer = call.arg(0) == 0 ? 0 : cpu.mmu.probe(call.arg(0), Access.LOAD, cpu.state.priv);
                long mask = legacyHartMask(pointer);
                if (mask == -1 && call.arg(0) != 0 && (pointer == -1 || !machine.ram().isRam(pointer, 8))) {
                    call.legacyReturn(SbiError.INVALID_ADDRESS);
                    return;
                }
                forEachHart(mask, 0, target -> {
                    if (ext == 4) {
                        target.state.mipSoftware |= SSIP_BIT;
                    } else {
                        target.mmu.sfence(-1, -1);
                    }
                });
                call.legacyReturn(0);
            }
            default -> {
                machine.power().pass();
                call.legacyReturn(0);
            }
        }
    }

    /** The legacy calls pass a pointer to a hart mask; a null pointer means every hart. */
    private long legacyHartMask(long pointer) {
        if (pointer == 0) {
            return -1;
        }
        if (pointer == -1 || !machine.ram().isRam(pointer, 8)) {
            return -1;
        }
        byte[] buffer = new byte[8];
        machine.ram().read(pointer, buffer, 0, 8);
        long mask = 0;
        for (int i = 7; i >= 0; i--) {
            mask = mask << 8 | (buffer[i] & 0xff);
        }
        return mask;
    }

    /** Applies {@code action} to the harts a (mask, base) pair selects; base -1 selects all. */
    private long forEachHart(long mask, long base, java.util.function.Consumer<Vcpu> action) {
        int count = machine.harts().size();
        if (base == -1) {
            machine.harts().forEach(action);
            return SbiError.SUCCESS;
        }
        if (base < 0 || base >= count) {
            return SbiError.INVALID_PARAM;
        }
        for (int i = 0; i < 64; i++) {
            if (((mask >>> i) & 1) != 0) {
                long id = base + i;
                if (id >= count) {
                    return SbiError.INVALID_PARAM;
                }
                action.accept(machine.harts().get((int) id));
            }
        }
        return SbiError.SUCCESS;
    }
}
