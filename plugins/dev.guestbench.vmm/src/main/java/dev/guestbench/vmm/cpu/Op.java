package dev.guestbench.vmm.cpu;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import dev.guestbench.isa.Instruction;

/**
 * The interpreter's operation numbers: one per base instruction of the ISA table, named as the table names
 * it, so the interpreter's switch has constant labels. {@link #of(Instruction)} maps a decoded instruction
 * to its number through those names; compressed instructions are expanded to base ones before that.
 */
public final class Op {

    /** A slot not decoded yet. */
    public static final int UNDECODED = 0;
    public static final int LUI = 1;
    public static final int AUIPC = 2;
    public static final int JAL = 3;
    public static final int JALR = 4;
    public static final int BEQ = 5;
    public static final int BNE = 6;
    public static final int BLT = 7;
    public static final int BGE = 8;
    public static final int BLTU = 9;
    public static final int BGEU = 10;
    public static final int LB = 11;
    public static final int LH = 12;
    public static final int LW = 13;
    public static final int LD = 14;
    public static final int LBU = 15;
    public static final int LHU = 16;
    public static final int LWU = 17;
    public static final int SB = 18;
    public static final int SH = 19;
    public static final int SW = 20;
    public static final int SD = 21;
    public static final int ADDI = 22;
    public static final int SLTI = 23;
    public static final int SLTIU = 24;
    public static final int XORI = 25;
    public static final int ORI = 26;
    public static final int ANDI = 27;
    public static final int SLLI = 28;
    public static final int SRLI = 29;
    public static final int SRAI = 30;
    public static final int ADD = 31;
    public static final int SUB = 32;
    public static final int SLL = 33;
    public static final int SLT = 34;
    public static final int SLTU = 35;
    public static final int XOR = 36;
    public static final int SRL = 37;
    public static final int SRA = 38;
    public static final int OR = 39;
    public static final int AND = 40;
    public static final int FENCE = 41;
    public static final int FENCE_TSO = 42;
    public static final int FENCE_I = 43;
    public static final int ECALL = 44;
    public static final int EBREAK = 45;
    public static final int ADDIW = 46;
    public static final int SLLIW = 47;
    public static final int SRLIW = 48;
    public static final int SRAIW = 49;
    public static final int ADDW = 50;
    public static final int SUBW = 51;
    public static final int SLLW = 52;
    public static final int SRLW = 53;
    public static final int SRAW = 54;
    public static final int MUL = 55;
    public static final int MULH = 56;
    public static final int MULHSU = 57;
    public static final int MULHU = 58;
    public static final int DIV = 59;
    public static final int DIVU = 60;
    public static final int REM = 61;
    public static final int REMU = 62;
    public static final int MULW = 63;
    public static final int DIVW = 64;
    public static final int DIVUW = 65;
    public static final int REMW = 66;
    public static final int REMUW = 67;
    public static final int LR_W = 68;
    public static final int SC_W = 69;
    public static final int AMOSWAP_W = 70;
    public static final int AMOADD_W = 71;
    public static final int AMOXOR_W = 72;
    public static final int AMOAND_W = 73;
    public static final int AMOOR_W = 74;
    public static final int AMOMIN_W = 75;
    public static final int AMOMAX_W = 76;
    public static final int AMOMINU_W = 77;
    public static final int AMOMAXU_W = 78;
    public static final int LR_D = 79;
    public static final int SC_D = 80;
    public static final int AMOSWAP_D = 81;
    public static final int AMOADD_D = 82;
    public static final int AMOXOR_D = 83;
    public static final int AMOAND_D = 84;
    public static final int AMOOR_D = 85;
    public static final int AMOMIN_D = 86;
    public static final int AMOMAX_D = 87;
    public static final int AMOMINU_D = 88;
    public static final int AMOMAXU_D = 89;
    public static final int FLW = 90;
    public static final int FSW = 91;
    public static final int FMADD_S = 92;
    public static final int FMSUB_S = 93;
    public static final int FNMSUB_S = 94;
    public static final int FNMADD_S = 95;
    public static final int FADD_S = 96;
    public static final int FSUB_S = 97;
    public static final int FMUL_S = 98;
    public static final int FDIV_S = 99;
    public static final int FSQRT_S = 100;
    public static final int FSGNJ_S = 101;
    public static final int FSGNJN_S = 102;
    public static final int FSGNJX_S = 103;
    public static final int FMIN_S = 104;
    public static final int FMAX_S = 105;
    public static final int FCVT_W_S = 106;
    public static final int FCVT_WU_S = 107;
    public static final int FCVT_L_S = 108;
    public static final int FCVT_LU_S = 109;
    public static final int FMV_X_W = 110;
    public static final int FCLASS_S = 111;
    public static final int FEQ_S = 112;
    public static final int FLT_S = 113;
    public static final int FLE_S = 114;
    public static final int FCVT_S_W = 115;
    public static final int FCVT_S_WU = 116;
    public static final int FCVT_S_L = 117;
    public static final int FCVT_S_LU = 118;
    public static final int FMV_W_X = 119;
    public static final int FLD = 120;
    public static final int FSD = 121;
    public static final int FMADD_D = 122;
    public static final int FMSUB_D = 123;
    public static final int FNMSUB_D = 124;
    public static final int FNMADD_D = 125;
    public static final int FADD_D = 126;
    public static final int FSUB_D = 127;
    public static final int FMUL_D = 128;
    public static final int FDIV_D = 129;
    public static final int FSQRT_D = 130;
    public static final int FSGNJ_D = 131;
    public static final int FSGNJN_D = 132;
    public static final int FSGNJX_D = 133;
    public static final int FMIN_D = 134;
    public static final int FMAX_D = 135;
    public static final int FCVT_S_D = 136;
    public static final int FCVT_D_S = 137;
    public static final int FEQ_D = 138;
    public static final int FLT_D = 139;
    public static final int FLE_D = 140;
    public static final int FCLASS_D = 141;
    public static final int FCVT_W_D = 142;
    public static final int FCVT_WU_D = 143;
    public static final int FCVT_D_W = 144;
    public static final int FCVT_D_WU = 145;
    public static final int FCVT_L_D = 146;
    public static final int FCVT_LU_D = 147;
    public static final int FMV_X_D = 148;
    public static final int FCVT_D_L = 149;
    public static final int FCVT_D_LU = 150;
    public static final int FMV_D_X = 151;
    public static final int CSRRW = 152;
    public static final int CSRRS = 153;
    public static final int CSRRC = 154;
    public static final int CSRRWI = 155;
    public static final int CSRRSI = 156;
    public static final int CSRRCI = 157;
    public static final int SRET = 158;
    public static final int MRET = 159;
    public static final int WFI = 160;
    public static final int SFENCE_VMA = 161;
    /** A 32-bit instruction that straddles a page end: fetched through the slow path every time. */
    public static final int CROSS_PAGE = 162;
    /** A word that is no instruction: executing it raises illegal instruction. */
    public static final int ILLEGAL = 163;
    /** An instruction whose only effect would be writing x0 (HINTs, mv x0, ...): nothing to do. */
    public static final int NOP = 164;
    /** JAL with rd = x0 (a plain jump): no link to write. */
    public static final int JAL_X0 = 165;
    /** JALR with rd = x0 (a return or indirect jump): no link to write. */
    public static final int JALR_X0 = 166;
    /** Number of operation numbers. */
    public static final int COUNT = 167;

    private static final int[] BY_INSTRUCTION = new int[Instruction.count()];

    static {
        for (Field field : Op.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                Instruction insn = find(field.getName());
                if (insn != null) {
                    try {
                        BY_INSTRUCTION[insn.id()] = field.getInt(null);
                    } catch (IllegalAccessException e) {
                        throw new ExceptionInInitializerError(e);
                    }
                }
            }
        }
    }

    private Op() {
    }

    private static Instruction find(String name) {
        for (Instruction insn : Instruction.values()) {
            if (insn.name().equals(name)) {
                return insn;
            }
        }
        return null;
    }

    /** The operation number of a base instruction, or {@link #ILLEGAL} if the interpreter has none. */
    public static int of(Instruction insn) {
        int op = BY_INSTRUCTION[insn.id()];
        return op == 0 ? ILLEGAL : op;
    }
}
