package dev.guestbench.vmm.cpu.fp;

import static dev.guestbench.vmm.cpu.fp.FloatUnit.boxS;
import static dev.guestbench.vmm.cpu.fp.FloatUnit.unboxS;

/**
 * The F and D instructions under test: the assembly the QEMU harness runs (operands in ft0/ft1/ft2 or a0,
 * result in ft3 or a1, dynamic rounding mode) and the same operation on a {@link FloatUnit}, both giving the
 * 64-bit register value the instruction writes.
 */
enum FpOp {
    FADD_D("fadd.d ft3, ft0, ft1", 2, true, (u, a, b, c, rm) -> u.addD(a, b, rm)),
    FSUB_D("fsub.d ft3, ft0, ft1", 2, true, (u, a, b, c, rm) -> u.subD(a, b, rm)),
    FMUL_D("fmul.d ft3, ft0, ft1", 2, true, (u, a, b, c, rm) -> u.mulD(a, b, rm)),
    FDIV_D("fdiv.d ft3, ft0, ft1", 2, true, (u, a, b, c, rm) -> u.divD(a, b, rm)),
    FSQRT_D("fsqrt.d ft3, ft0", 1, true, (u, a, b, c, rm) -> u.sqrtD(a, rm)),
    FMADD_D("fmadd.d ft3, ft0, ft1, ft2", 3, true, (u, a, b, c, rm) -> u.fmaddD(a, b, c, rm)),
    FMSUB_D("fmsub.d ft3, ft0, ft1, ft2", 3, true, (u, a, b, c, rm) -> u.fmsubD(a, b, c, rm)),
    FNMSUB_D("fnmsub.d ft3, ft0, ft1, ft2", 3, true, (u, a, b, c, rm) -> u.fnmsubD(a, b, c, rm)),
    FNMADD_D("fnmadd.d ft3, ft0, ft1, ft2", 3, true, (u, a, b, c, rm) -> u.fnmaddD(a, b, c, rm)),
    FMIN_D("fmin.d ft3, ft0, ft1", 2, false, (u, a, b, c, rm) -> u.minD(a, b)),
    FMAX_D("fmax.d ft3, ft0, ft1", 2, false, (u, a, b, c, rm) -> u.maxD(a, b)),
    FEQ_D("feq.d a1, ft0, ft1", 2, false, (u, a, b, c, rm) -> u.eqD(a, b) ? 1 : 0),
    FLT_D("flt.d a1, ft0, ft1", 2, false, (u, a, b, c, rm) -> u.ltD(a, b) ? 1 : 0),
    FLE_D("fle.d a1, ft0, ft1", 2, false, (u, a, b, c, rm) -> u.leD(a, b) ? 1 : 0),
    FCLASS_D("fclass.d a1, ft0", 1, false, (u, a, b, c, rm) -> FloatUnit.classD(a)),
    FSGNJ_D("fsgnj.d ft3, ft0, ft1", 2, false, (u, a, b, c, rm) -> FloatUnit.sgnjD(a, b)),
    FSGNJN_D("fsgnjn.d ft3, ft0, ft1", 2, false, (u, a, b, c, rm) -> FloatUnit.sgnjnD(a, b)),
    FSGNJX_D("fsgnjx.d ft3, ft0, ft1", 2, false, (u, a, b, c, rm) -> FloatUnit.sgnjxD(a, b)),
    FCVT_W_D("fcvt.w.d a1, ft0", 1, true, (u, a, b, c, rm) -> u.cvtWD(a, rm)),
    FCVT_WU_D("fcvt.wu.d a1, ft0", 1, true, (u, a, b, c, rm) -> u.cvtWUD(a, rm)),
    FCVT_L_D("fcvt.l.d a1, ft0", 1, true, (u, a, b, c, rm) -> u.cvtLD(a, rm)),
    FCVT_LU_D("fcvt.lu.d a1, ft0", 1, true, (u, a, b, c, rm) -> u.cvtLUD(a, rm)),
    FCVT_D_W("fcvt.d.w ft3, a0", 1, true, (u, a, b, c, rm) -> u.cvtDW(a, rm)),
    FCVT_D_WU("fcvt.d.wu ft3, a0", 1, true, (u, a, b, c, rm) -> u.cvtDWU(a, rm)),
    FCVT_D_L("fcvt.d.l ft3, a0", 1, true, (u, a, b, c, rm) -> u.cvtDL(a, rm)),
    FCVT_D_LU("fcvt.d.lu ft3, a0", 1, true, (u, a, b, c, rm) -> u.cvtDLU(a, rm)),
    FCVT_S_D("fcvt.s.d ft3, ft0", 1, true, (u, a, b, c, rm) -> boxS(u.cvtSD(a, rm))),
    FCVT_D_S("fcvt.d.s ft3, ft0", 1, false, (u, a, b, c, rm) -> u.cvtDS(unboxS(a))),

    FADD_S("fadd.s ft3, ft0, ft1", 2, true, (u, a, b, c, rm) -> boxS(u.addS(unboxS(a), unboxS(b), rm))),
    FSUB_S("fsub.s ft3, ft0, ft1", 2, true, (u, a, b, c, rm) -> boxS(u.subS(unboxS(a), unboxS(b), rm))),
    FMUL_S("fmul.s ft3, ft0, ft1", 2, true, (u, a, b, c, rm) -> boxS(u.mulS(unboxS(a), unboxS(b), rm))),
    FDIV_S("fdiv.s ft3, ft0, ft1", 2, true, (u, a, b, c, rm) -> boxS(u.divS(unboxS(a), unboxS(b), rm))),
    FSQRT_S("fsqrt.s ft3, ft0", 1, true, (u, a, b, c, rm) -> boxS(u.sqrtS(unboxS(a), rm))),
    FMADD_S("fmadd.s ft3, ft0, ft1, ft2", 3, true,
            (u, a, b, c, rm) -> boxS(u.fmaddS(unboxS(a), unboxS(b), unboxS(c), rm))),
    FMSUB_S("fmsub.s ft3, ft0, ft1, ft2", 3, true,
            (u, a, b, c, rm) -> boxS(u.fmsubS(unboxS(a), unboxS(b), unboxS(c), rm))),
    FNMSUB_S("fnmsub.s ft3, ft0, ft1, ft2", 3, true,
            (u, a, b, c, rm) -> boxS(u.fnmsubS(unboxS(a), unboxS(b), unboxS(c), rm))),
    FNMADD_S("fnmadd.s ft3, ft0, ft1, ft2", 3, true,
            (u, a, b, c, rm) -> boxS(u.fnmaddS(unboxS(a), unboxS(b), unboxS(c), rm))),
    FMIN_S("fmin.s ft3, ft0, ft1", 2, false, (u, a, b, c, rm) -> boxS(u.minS(unboxS(a), unboxS(b)))),
    FMAX_S("fmax.s ft3, ft0, ft1", 2, false, (u, a, b, c, rm) -> boxS(u.maxS(unboxS(a), unboxS(b)))),
    FEQ_S("feq.s a1, ft0, ft1", 2, false, (u, a, b, c, rm) -> u.eqS(unboxS(a), unboxS(b)) ? 1 : 0),
    FLT_S("flt.s a1, ft0, ft1", 2, false, (u, a, b, c, rm) -> u.ltS(unboxS(a), unboxS(b)) ? 1 : 0),
    FLE_S("fle.s a1, ft0, ft1", 2, false, (u, a, b, c, rm) -> u.leS(unboxS(a), unboxS(b)) ? 1 : 0),
    FCLASS_S("fclass.s a1, ft0", 1, false, (u, a, b, c, rm) -> FloatUnit.classS(unboxS(a))),
    FSGNJ_S("fsgnj.s ft3, ft0, ft1", 2, false, (u, a, b, c, rm) -> boxS(FloatUnit.sgnjS(unboxS(a), unboxS(b)))),
    FSGNJN_S("fsgnjn.s ft3, ft0, ft1", 2, false,
            (u, a, b, c, rm) -> boxS(FloatUnit.sgnjnS(unboxS(a), unboxS(b)))),
    FSGNJX_S("fsgnjx.s ft3, ft0, ft1", 2, false,
            (u, a, b, c, rm) -> boxS(FloatUnit.sgnjxS(unboxS(a), unboxS(b)))),
    FCVT_W_S("fcvt.w.s a1, ft0", 1, true, (u, a, b, c, rm) -> u.cvtWS(unboxS(a), rm)),
    FCVT_WU_S("fcvt.wu.s a1, ft0", 1, true, (u, a, b, c, rm) -> u.cvtWUS(unboxS(a), rm)),
    FCVT_L_S("fcvt.l.s a1, ft0", 1, true, (u, a, b, c, rm) -> u.cvtLS(unboxS(a), rm)),
    FCVT_LU_S("fcvt.lu.s a1, ft0", 1, true, (u, a, b, c, rm) -> u.cvtLUS(unboxS(a), rm)),
    FCVT_S_W("fcvt.s.w ft3, a0", 1, true, (u, a, b, c, rm) -> boxS(u.cvtSW(a, rm))),
    FCVT_S_WU("fcvt.s.wu ft3, a0", 1, true, (u, a, b, c, rm) -> boxS(u.cvtSWU(a, rm))),
    FCVT_S_L("fcvt.s.l ft3, a0", 1, true, (u, a, b, c, rm) -> boxS(u.cvtSL(a, rm))),
    FCVT_S_LU("fcvt.s.lu ft3, a0", 1, true, (u, a, b, c, rm) -> boxS(u.cvtSLU(a, rm)));

    /** The FloatUnit side of an instruction: the register value it writes. */
    @FunctionalInterface
    interface Semantics {
        long apply(FloatUnit u, long a, long b, long c, int rm);
    }

    final String asm;
    final int operands;
    final boolean rounds;
    final Semantics semantics;

    FpOp(String asm, int operands, boolean rounds, Semantics semantics) {
        this.asm = asm;
        this.operands = operands;
        this.rounds = rounds;
        this.semantics = semantics;
    }

    /** Whether the instruction writes an integer register (a1) rather than a float register (ft3). */
    boolean writesInteger() {
        return asm.contains(" a1,");
    }

    /** Whether the first operand comes from an integer register (a0). */
    boolean readsInteger() {
        return asm.endsWith(", a0");
    }

    /** Whether the floating-point operands are singles (NaN-boxed in their registers): the source suffix. */
    boolean singleOperands() {
        return asm.substring(0, asm.indexOf(' ')).endsWith(".s");
    }

    /** The table entry: the instruction and a jump back to the harness (8 bytes without compression). */
    String tableEntry() {
        return "        " + asm + "\n        j       " + (writesInteger() ? "done_x" : "done_f") + "\n";
    }
}
