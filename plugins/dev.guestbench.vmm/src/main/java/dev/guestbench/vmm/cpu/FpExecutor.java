package dev.guestbench.vmm.cpu;

import dev.guestbench.vmm.cpu.fp.FloatUnit;

/**
 * The F and D instructions: checks that the FPU is on (mstatus.FS) and the rounding mode is valid, runs
 * the operation on the {@link FloatUnit}, NaN-boxes single results and marks the FP state dirty.
 */
final class FpExecutor {

    private static final long MSTATUS_FS = 3L << 13;
    private static final long MSTATUS_SD = 1L << 63;
    private static final int DYN = 7;
    private static final long SINGLE_BOX = 0xffff_ffff_0000_0000L;

    private final Vcpu cpu;
    private final FloatUnit fpu;

    FpExecutor(Vcpu cpu) {
        this.cpu = cpu;
        this.fpu = cpu.fpu;
    }

    /** Executes a floating-point instruction; false if it trapped. On success the caller advances the pc. */
    boolean execute(int w, int imm, int bits, int priv) {
        HartState s = cpu.state;
        if ((s.mstatus & MSTATUS_FS) == 0) {
            cpu.exits().illegal(cpu, bits);
            return false;
        }
        int op = w & 0xff;
        int rd = (w >>> 8) & 31;
        int rs1 = (w >>> 13) & 31;
        int rs2 = (w >>> 18) & 31;
        int rs3 = (w >>> 23) & 31;
        int rm = (w >>> 28) & 7;
        if (usesRoundingMode(op)) {
            if (rm == DYN) {
                rm = s.frm;
            }
            if (rm > FloatUnit.RMM) {
                cpu.exits().illegal(cpu, bits);
                return false;
            }
        }
        long[] f = s.f;
        long[] x = s.x;
        int flagsBefore = fpu.flags;
        switch (op) {
            case Op.FLW, Op.FLD -> {
                int size = op == Op.FLW ? 4 : 8;
                long v = cpu.load(x[rs1] + imm, size, bits);
                if (cpu.trapped) {
                    return false;
                }
                f[rd] = size == 4 ? SINGLE_BOX | (v & 0xffff_ffffL) : v;
            }
            case Op.FSW, Op.FSD -> {
                int size = op == Op.FSW ? 4 : 8;
                cpu.store(x[rs1] + imm, size, f[rs2], bits);
                // A store changes no FP state.
                return !cpu.trapped;
            }
            // Single precision.
            case Op.FADD_S -> f[rd] = box(fpu.addS(s1(f, rs1), s1(f, rs2), rm));
            case Op.FSUB_S -> f[rd] = box(fpu.subS(s1(f, rs1), s1(f, rs2), rm));
            case Op.FMUL_S -> f[rd] = box(fpu.mulS(s1(f, rs1), s1(f, rs2), rm));
            case Op.FDIV_S -> f[rd] = box(fpu.divS(s1(f, rs1), s1(f, rs2), rm));
            case Op.FSQRT_S -> f[rd] = box(fpu.sqrtS(s1(f, rs1), rm));
            case Op.FMADD_S -> f[rd] = box(fpu.fmaddS(s1(f, rs1), s1(f, rs2), s1(f, rs3), rm));
            case Op.FMSUB_S -> f[rd] = box(fpu.fmsubS(s1(f, rs1), s1(f, rs2), s1(f, rs3), rm));
            case Op.FNMSUB_S -> f[rd] = box(fpu.fnmsubS(s1(f, rs1), s1(f, rs2), s1(f, rs3), rm));
            case Op.FNMADD_S -> f[rd] = box(fpu.fnmaddS(s1(f, rs1), s1(f, rs2), s1(f, rs3), rm));
            case Op.FSGNJ_S -> f[rd] = box(FloatUnit.sgnjS(s1(f, rs1), s1(f, rs2)));
            case Op.FSGNJN_S -> f[rd] = box(FloatUnit.sgnjnS(s1(f, rs1), s1(f, rs2)));
            case Op.FSGNJX_S -> f[rd] = box(FloatUnit.sgnjxS(s1(f, rs1), s1(f, rs2)));
            case Op.FMIN_S -> f[rd] = box(fpu.minS(s1(f, rs1), s1(f, rs2)));
            case Op.FMAX_S -> f[rd] = box(fpu.maxS(s1(f, rs1), s1(f, rs2)));
            case Op.FCVT_W_S -> x[rd] = fpu.cvtWS(s1(f, rs1), rm);
            case Op.FCVT_WU_S -> x[rd] = fpu.cvtWUS(s1(f, rs1), rm);
            case Op.FCVT_L_S -> x[rd] = fpu.cvtLS(s1(f, rs1), rm);
            case Op.FCVT_LU_S -> x[rd] = fpu.cvtLUS(s1(f, rs1), rm);
            case Op.FMV_X_W -> x[rd] = (int) f[rs1];
            case Op.FCLASS_S -> x[rd] = FloatUnit.classS(s1(f, rs1));
            case Op.FEQ_S -> x[rd] = fpu.eqS(s1(f, rs1), s1(f, rs2)) ? 1 : 0;
            case Op.FLT_S -> x[rd] = fpu.ltS(s1(f, rs1), s1(f, rs2)) ? 1 : 0;
            case Op.FLE_S -> x[rd] = fpu.leS(s1(f, rs1), s1(f, rs2)) ? 1 : 0;
            case Op.FCVT_S_W -> f[rd] = box(fpu.cvtSW(x[rs1], rm));
            case Op.FCVT_S_WU -> f[rd] = box(fpu.cvtSWU(x[rs1], rm));
            case Op.FCVT_S_L -> f[rd] = box(fpu.cvtSL(x[rs1], rm));
            case Op.FCVT_S_LU -> f[rd] = box(fpu.cvtSLU(x[rs1], rm));
            case Op.FMV_W_X -> f[rd] = SINGLE_BOX | (x[rs1] & 0xffff_ffffL);
            // Double precision.
            case Op.FADD_D -> f[rd] = fpu.addD(f[rs1], f[rs2], rm);
            case Op.FSUB_D -> f[rd] = fpu.subD(f[rs1], f[rs2], rm);
            case Op.FMUL_D -> f[rd] = fpu.mulD(f[rs1], f[rs2], rm);
            case Op.FDIV_D -> f[rd] = fpu.divD(f[rs1], f[rs2], rm);
            case Op.FSQRT_D -> f[rd] = fpu.sqrtD(f[rs1], rm);
            case Op.FMADD_D -> f[rd] = fpu.fmaddD(f[rs1], f[rs2], f[rs3], rm);
            case Op.FMSUB_D -> f[rd] = fpu.fmsubD(f[rs1], f[rs2], f[rs3], rm);
            case Op.FNMSUB_D -> f[rd] = fpu.fnmsubD(f[rs1], f[rs2], f[rs3], rm);
            case Op.FNMADD_D -> f[rd] = fpu.fnmaddD(f[rs1], f[rs2], f[rs3], rm);
            case Op.FSGNJ_D -> f[rd] = FloatUnit.sgnjD(f[rs1], f[rs2]);
            case Op.FSGNJN_D -> f[rd] = FloatUnit.sgnjnD(f[rs1], f[rs2]);
            case Op.FSGNJX_D -> f[rd] = FloatUnit.sgnjxD(f[rs1], f[rs2]);
            case Op.FMIN_D -> f[rd] = fpu.minD(f[rs1], f[rs2]);
            case Op.FMAX_D -> f[rd] = fpu.maxD(f[rs1], f[rs2]);
            case Op.FCVT_S_D -> f[rd] = box(fpu.cvtSD(f[rs1], rm));
            case Op.FCVT_D_S -> f[rd] = fpu.cvtDS(s1(f, rs1));
            case Op.FEQ_D -> x[rd] = fpu.eqD(f[rs1], f[rs2]) ? 1 : 0;
            case Op.FLT_D -> x[rd] = fpu.ltD(f[rs1], f[rs2]) ? 1 : 0;
            case Op.FLE_D -> x[rd] = fpu.leD(f[rs1], f[rs2]) ? 1 : 0;
            case Op.FCLASS_D -> x[rd] = FloatUnit.classD(f[rs1]);
            case Op.FCVT_W_D -> x[rd] = fpu.cvtWD(f[rs1], rm);
            case Op.FCVT_WU_D -> x[rd] = fpu.cvtWUD(f[rs1], rm);
            case Op.FCVT_L_D -> x[rd] = fpu.cvtLD(f[rs1], rm);
            case Op.FCVT_LU_D -> x[rd] = fpu.cvtLUD(f[rs1], rm);
            case Op.FCVT_D_W -> f[rd] = fpu.cvtDW(x[rs1], rm);
            case Op.FCVT_D_WU -> f[rd] = fpu.cvtDWU(x[rs1], rm);
            case Op.FCVT_D_L -> f[rd] = fpu.cvtDL(x[rs1], rm);
            case Op.FCVT_D_LU -> f[rd] = fpu.cvtDLU(x[rs1], rm);
            case Op.FMV_X_D -> x[rd] = f[rs1];
            case Op.FMV_D_X -> f[rd] = x[rs1];
            default -> {
                cpu.exits().illegal(cpu, bits);
                return false;
            }
        }
        x[0] = 0;
        if (writesFloatRegister(op) || fpu.flags != flagsBefore) {
            s.mstatus |= MSTATUS_FS | MSTATUS_SD;
        }
        return true;
    }

    private static int s1(long[] f, int r) {
        return FloatUnit.unboxS(f[r]);
    }

    private static long box(int bits) {
        return FloatUnit.boxS(bits);
    }

    private static boolean usesRoundingMode(int op) {
        return switch (op) {
            case Op.FADD_S, Op.FSUB_S, Op.FMUL_S, Op.FDIV_S, Op.FSQRT_S, Op.FMADD_S, Op.FMSUB_S, Op.FNMSUB_S,
                    Op.FNMADD_S, Op.FCVT_W_S, Op.FCVT_WU_S, Op.FCVT_L_S, Op.FCVT_LU_S, Op.FCVT_S_W, Op.FCVT_S_WU,
                    Op.FCVT_S_L, Op.FCVT_S_LU, Op.FADD_D, Op.FSUB_D, Op.FMUL_D, Op.FDIV_D, Op.FSQRT_D, Op.FMADD_D,
                    Op.FMSUB_D, Op.FNMSUB_D, Op.FNMADD_D, Op.FCVT_S_D, Op.FCVT_D_S, Op.FCVT_W_D, Op.FCVT_WU_D,
                    Op.FCVT_L_D, Op.FCVT_LU_D, Op.FCVT_D_W, Op.FCVT_D_WU, Op.FCVT_D_L, Op.FCVT_D_LU -> true;
            default -> false;
        };
    }

    private static boolean writesFloatRegister(int op) {
        return switch (op) {
            case Op.FCVT_W_S, Op.FCVT_WU_S, Op.FCVT_L_S, Op.FCVT_LU_S, Op.FMV_X_W, Op.FCLASS_S, Op.FEQ_S, Op.FLT_S,
                    Op.FLE_S, Op.FEQ_D, Op.FLT_D, Op.FLE_D, Op.FCLASS_D, Op.FCVT_W_D, Op.FCVT_WU_D, Op.FCVT_L_D,
                    Op.FCVT_LU_D, Op.FMV_X_D -> false;
            default -> true;
        };
    }
}
