package dev.guestbench.isa;

import static dev.guestbench.isa.Enc.*;
import static dev.guestbench.isa.Extension.A;
import static dev.guestbench.isa.Extension.C;
import static dev.guestbench.isa.Extension.D;
import static dev.guestbench.isa.Extension.F;
import static dev.guestbench.isa.Extension.M;
import static dev.guestbench.isa.Extension.PRIVILEGED;
import static dev.guestbench.isa.Extension.RETIRED;
import static dev.guestbench.isa.Extension.ZICSR;
import static dev.guestbench.isa.Extension.ZIFENCEI;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RV64GC instruction table: every instruction of RV64I, M, A, F, D, C, Zicsr, Zifencei and the
 * machine/supervisor privileged instructions, with its encoding, operands, extension and a plain
 * description. The ordinal is the instruction's dense id, so the hypervisor can switch on it.
 *
 * <p>Syntax strings use operand tokens (see {@code Operands}): {@code rd rs1 rs2 frd frs1 frs2
 * frs3 imm12 off12 soff12 boff joff uimm20 shamt6 shamt5 csr zimm rm pred succ} and the compressed
 * {@code crd crs1 crs2 cfrd cfrs2 crdq crs1q cdq crs2q cfrdq cfrs2q cimm6 cshamt clui caddi16sp
 * caddi4spn clwsp cldsp cswsp csdsp clw cld cjoff cboff}. A leading {@code .aqrl} adds the aq and
 * rl bits, written as a mnemonic suffix; {@code [,rm]} is a rounding mode left out when it is dyn.
 * Rules: {@code tok!=0} (zero is not this instruction), {@code ~tok!=0} (zero is reserved),
 * {@code tok!=n}, {@code +d} (also needs D), {@code |zmmul} (Zmmul is enough), {@code hint}.
 */
public enum Instruction {
    // ---------------------------------------------------------------- RV64I
    LUI("lui", Format.U, op(OP_LUI), Extension.I, "rd,uimm20",
            "Loads the 20-bit immediate into bits 31..12 of rd and clears bits 11..0; the 32-bit result is "
            + "sign-extended to 64 bits. Paired with addi it builds any 32-bit constant."),
    AUIPC("auipc", Format.U, op(OP_AUIPC), Extension.I, "rd,uimm20",
            "Adds the 20-bit immediate, shifted left by 12 and sign-extended, to the address of this "
            + "instruction and writes the sum to rd. Followed by addi, a load, a store or jalr it reaches any "
            + "address within 2 GiB of the pc."),
    JAL("jal", Format.J, op(OP_JAL), Extension.I, "rd,joff",
            "Jumps to the pc plus a signed offset of up to 1 MiB and writes the address of the next "
            + "instruction to rd: with ra it is a call, with x0 a plain jump."),
    JALR("jalr", Format.I, f3(OP_JALR, 0), Extension.I, "rd,off12(rs1)",
            "Jumps to rs1 plus the sign-extended 12-bit offset, with the lowest bit of the sum cleared, and "
            + "writes the address of the next instruction to rd. Used for returns, indirect calls and far jumps."),
    BEQ("beq", Format.B, f3(OP_BRANCH, 0), Extension.I, "rs1,rs2,boff",
            "Branches to the pc-relative target (within 4 KiB) if rs1 equals rs2."),
    BNE("bne", Format.B, f3(OP_BRANCH, 1), Extension.I, "rs1,rs2,boff",
            "Branches to the pc-relative target (within 4 KiB) if rs1 differs from rs2."),
    BLT("blt", Format.B, f3(OP_BRANCH, 4), Extension.I, "rs1,rs2,boff",
            "Branches if rs1 is less than rs2, comparing them as signed numbers."),
    BGE("bge", Format.B, f3(OP_BRANCH, 5), Extension.I, "rs1,rs2,boff",
            "Branches if rs1 is greater than or equal to rs2, comparing them as signed numbers."),
    BLTU("bltu", Format.B, f3(OP_BRANCH, 6), Extension.I, "rs1,rs2,boff",
            "Branches if rs1 is less than rs2, comparing them as unsigned numbers."),
    BGEU("bgeu", Format.B, f3(OP_BRANCH, 7), Extension.I, "rs1,rs2,boff",
            "Branches if rs1 is greater than or equal to rs2, comparing them as unsigned numbers."),
    LB("lb", Format.I, f3(OP_LOAD, 0), Extension.I, "rd,off12(rs1)",
            "Loads the byte at rs1 + offset and writes it, sign-extended, to rd."),
    LH("lh", Format.I, f3(OP_LOAD, 1), Extension.I, "rd,off12(rs1)",
            "Loads the 16-bit halfword at rs1 + offset and writes it, sign-extended, to rd."),
    LW("lw", Format.I, f3(OP_LOAD, 2), Extension.I, "rd,off12(rs1)",
            "Loads the 32-bit word at rs1 + offset and writes it, sign-extended, to rd."),
    LD("ld", Format.I, f3(OP_LOAD, 3), Extension.I, "rd,off12(rs1)",
            "Loads the 64-bit doubleword at rs1 + offset into rd."),
    LBU("lbu", Format.I, f3(OP_LOAD, 4), Extension.I, "rd,off12(rs1)",
            "Loads the byte at rs1 + offset and writes it, zero-extended, to rd."),
    LHU("lhu", Format.I, f3(OP_LOAD, 5), Extension.I, "rd,off12(rs1)",
            "Loads the 16-bit halfword at rs1 + offset and writes it, zero-extended, to rd."),
    LWU("lwu", Format.I, f3(OP_LOAD, 6), Extension.I, "rd,off12(rs1)",
            "Loads the 32-bit word at rs1 + offset and writes it, zero-extended, to rd."),
    SB("sb", Format.S, f3(OP_STORE, 0), Extension.I, "rs2,soff12(rs1)",
            "Stores the low byte of rs2 at rs1 + offset."),
    SH("sh", Format.S, f3(OP_STORE, 1), Extension.I, "rs2,soff12(rs1)",
            "Stores the low 16 bits of rs2 at rs1 + offset."),
    SW("sw", Format.S, f3(OP_STORE, 2), Extension.I, "rs2,soff12(rs1)",
            "Stores the low 32 bits of rs2 at rs1 + offset."),
    SD("sd", Format.S, f3(OP_STORE, 3), Extension.I, "rs2,soff12(rs1)",
            "Stores all 64 bits of rs2 at rs1 + offset."),
    ADDI("addi", Format.I, f3(OP_IMM, 0), Extension.I, "rd,rs1,imm12",
            "Adds the sign-extended 12-bit immediate to rs1 and writes the sum to rd; overflow wraps around. "
            + "addi x0, x0, 0 is the canonical nop."),
    SLTI("slti", Format.I, f3(OP_IMM, 2), Extension.I, "rd,rs1,imm12",
            "Writes 1 to rd if rs1 is less than the sign-extended immediate as signed numbers, otherwise 0."),
    SLTIU("sltiu", Format.I, f3(OP_IMM, 3), Extension.I, "rd,rs1,imm12",
            "Writes 1 to rd if rs1 is less than the sign-extended immediate when both are read as unsigned "
            + "numbers, otherwise 0. With immediate 1 it tests rs1 for zero."),
    XORI("xori", Format.I, f3(OP_IMM, 4), Extension.I, "rd,rs1,imm12",
            "Writes the bitwise exclusive or of rs1 and the sign-extended immediate to rd; with -1 it inverts "
            + "every bit."),
    ORI("ori", Format.I, f3(OP_IMM, 6), Extension.I, "rd,rs1,imm12",
            "Writes the bitwise or of rs1 and the sign-extended immediate to rd."),
    ANDI("andi", Format.I, f3(OP_IMM, 7), Extension.I, "rd,rs1,imm12",
            "Writes the bitwise and of rs1 and the sign-extended immediate to rd."),
    SLLI("slli", Format.I, shift(1, 0b000000), Extension.I, "rd,rs1,shamt6",
            "Shifts rs1 left by 0..63 bits, filling with zeros, and writes the result to rd."),
    SRLI("srli", Format.I, shift(5, 0b000000), Extension.I, "rd,rs1,shamt6",
            "Shifts rs1 right by 0..63 bits, filling with zeros (logical shift), and writes the result to rd."),
    SRAI("srai", Format.I, shift(5, 0b010000), Extension.I, "rd,rs1,shamt6",
            "Shifts rs1 right by 0..63 bits, filling with copies of the sign bit (arithmetic shift), and "
            + "writes the result to rd."),
    ADD("add", Format.R, r(OP_OP, 0, 0x00), Extension.I, "rd,rs1,rs2",
            "Writes rs1 + rs2 to rd; overflow wraps around."),
    SUB("sub", Format.R, r(OP_OP, 0, 0x20), Extension.I, "rd,rs1,rs2",
            "Writes rs1 - rs2 to rd; overflow wraps around."),
    SLL("sll", Format.R, r(OP_OP, 1, 0x00), Extension.I, "rd,rs1,rs2",
            "Shifts rs1 left by the amount in the low 6 bits of rs2 and writes the result to rd."),
    SLT("slt", Format.R, r(OP_OP, 2, 0x00), Extension.I, "rd,rs1,rs2",
            "Writes 1 to rd if rs1 is less than rs2 as signed numbers, otherwise 0."),
    SLTU("sltu", Format.R, r(OP_OP, 3, 0x00), Extension.I, "rd,rs1,rs2",
            "Writes 1 to rd if rs1 is less than rs2 as unsigned numbers, otherwise 0; with rs1 = x0 it tests "
            + "rs2 for being nonzero."),
    XOR("xor", Format.R, r(OP_OP, 4, 0x00), Extension.I, "rd,rs1,rs2",
            "Writes the bitwise exclusive or of rs1 and rs2 to rd."),
    SRL("srl", Format.R, r(OP_OP, 5, 0x00), Extension.I, "rd,rs1,rs2",
            "Shifts rs1 right, filling with zeros, by the amount in the low 6 bits of rs2."),
    SRA("sra", Format.R, r(OP_OP, 5, 0x20), Extension.I, "rd,rs1,rs2",
            "Shifts rs1 right, filling with the sign bit, by the amount in the low 6 bits of rs2."),
    OR("or", Format.R, r(OP_OP, 6, 0x00), Extension.I, "rd,rs1,rs2",
            "Writes the bitwise or of rs1 and rs2 to rd."),
    AND("and", Format.R, r(OP_OP, 7, 0x00), Extension.I, "rd,rs1,rs2",
            "Writes the bitwise and of rs1 and rs2 to rd."),
    FENCE("fence", Format.I, of(0x0000000f, 0xf00fffff), Extension.I, "pred,succ",
            "Orders memory and device accesses: no access of the successor set that follows the fence is "
            + "seen by other harts or devices before every access of the predecessor set that precedes it. "
            + "The sets combine device input (i), device output (o), memory reads (r) and writes (w)."),
    FENCE_TSO("fence.tso", Format.I, word(0x8330000f), Extension.I, "",
            "A fence with total-store-order strength: earlier loads are ordered before later loads and "
            + "stores, and earlier stores before later stores, but a later load may pass an earlier store."),
    FENCE_I("fence.i", Format.I, word(0x0000100f), ZIFENCEI, "",
            "Makes the stores this hart has done to instruction memory visible to its own later instruction "
            + "fetches; needed after writing or patching code."),
    ECALL("ecall", Format.I, word(0x00000073), Extension.I, "",
            "Raises an environment-call exception so that the more privileged software (kernel, SBI "
            + "firmware or the hypervisor) services a request; the cause tells which mode made the call."),
    EBREAK("ebreak", Format.I, word(0x00100073), Extension.I, "",
            "Raises a breakpoint exception, handing control to a debugger."),
    ADDIW("addiw", Format.I, f3(OP_IMM_32, 0), Extension.I, "rd,rs1,imm12",
            "Adds the sign-extended immediate to rs1 and writes the low 32 bits of the sum, sign-extended, to "
            + "rd. With immediate 0 it sign-extends a 32-bit value (sext.w)."),
    SLLIW("slliw", Format.I, r(OP_IMM_32, 1, 0x00), Extension.I, "rd,rs1,shamt5",
            "Shifts the low 32 bits of rs1 left by 0..31 and writes the 32-bit result, sign-extended, to rd."),
    SRLIW("srliw", Format.I, r(OP_IMM_32, 5, 0x00), Extension.I, "rd,rs1,shamt5",
            "Shifts the low 32 bits of rs1 right by 0..31, filling with zeros, and writes the 32-bit result, "
            + "sign-extended, to rd."),
    SRAIW("sraiw", Format.I, r(OP_IMM_32, 5, 0x20), Extension.I, "rd,rs1,shamt5",
            "Shifts the low 32 bits of rs1 right by 0..31, filling with bit 31, and writes the result, "
            + "sign-extended, to rd."),
    ADDW("addw", Format.R, r(OP_OP_32, 0, 0x00), Extension.I, "rd,rs1,rs2",
            "Adds rs1 and rs2 and writes the low 32 bits of the sum, sign-extended, to rd."),
    SUBW("subw", Format.R, r(OP_OP_32, 0, 0x20), Extension.I, "rd,rs1,rs2",
            "Subtracts rs2 from rs1 and writes the low 32 bits of the difference, sign-extended, to rd."),
    SLLW("sllw", Format.R, r(OP_OP_32, 1, 0x00), Extension.I, "rd,rs1,rs2",
            "Shifts the low 32 bits of rs1 left by the low 5 bits of rs2; the 32-bit result is sign-extended."),
    SRLW("srlw", Format.R, r(OP_OP_32, 5, 0x00), Extension.I, "rd,rs1,rs2",
            "Shifts the low 32 bits of rs1 right, filling with zeros, by the low 5 bits of rs2; the 32-bit "
            + "result is sign-extended."),
    SRAW("sraw", Format.R, r(OP_OP_32, 5, 0x20), Extension.I, "rd,rs1,rs2",
            "Shifts the low 32 bits of rs1 right, filling with bit 31, by the low 5 bits of rs2; the result is "
            + "sign-extended."),

    // ---------------------------------------------------------------- M
    MUL("mul", Format.R, r(OP_OP, 0, 0x01), M, "rd,rs1,rs2", "|zmmul",
            "Multiplies rs1 by rs2 and writes the low 64 bits of the product to rd (the same for signed and "
            + "unsigned numbers)."),
    MULH("mulh", Format.R, r(OP_OP, 1, 0x01), M, "rd,rs1,rs2", "|zmmul",
            "Multiplies rs1 by rs2 as signed numbers and writes the high 64 bits of the 128-bit product to rd."),
    MULHSU("mulhsu", Format.R, r(OP_OP, 2, 0x01), M, "rd,rs1,rs2", "|zmmul",
            "Multiplies signed rs1 by unsigned rs2 and writes the high 64 bits of the 128-bit product to rd."),
    MULHU("mulhu", Format.R, r(OP_OP, 3, 0x01), M, "rd,rs1,rs2", "|zmmul",
            "Multiplies rs1 by rs2 as unsigned numbers and writes the high 64 bits of the product to rd."),
    DIV("div", Format.R, r(OP_OP, 4, 0x01), M, "rd,rs1,rs2",
            "Divides rs1 by rs2 as signed numbers, rounding towards zero. Division by zero gives -1 and the "
            + "one overflowing case (most negative number divided by -1) gives the dividend; nothing traps."),
    DIVU("divu", Format.R, r(OP_OP, 5, 0x01), M, "rd,rs1,rs2",
            "Divides rs1 by rs2 as unsigned numbers; division by zero gives all ones."),
    REM("rem", Format.R, r(OP_OP, 6, 0x01), M, "rd,rs1,rs2",
            "Writes the remainder of the signed division rs1 / rs2, which has the sign of rs1; with a zero "
            + "divisor it is rs1."),
    REMU("remu", Format.R, r(OP_OP, 7, 0x01), M, "rd,rs1,rs2",
            "Writes the remainder of the unsigned division rs1 / rs2; with a zero divisor it is rs1."),
    MULW("mulw", Format.R, r(OP_OP_32, 0, 0x01), M, "rd,rs1,rs2", "|zmmul",
            "Multiplies the low 32 bits of rs1 and rs2 and writes the low 32 bits of the product, "
            + "sign-extended, to rd."),
    DIVW("divw", Format.R, r(OP_OP_32, 4, 0x01), M, "rd,rs1,rs2",
            "Divides the low 32 bits of rs1 by those of rs2 as signed numbers; the 32-bit quotient is "
            + "sign-extended into rd."),
    DIVUW("divuw", Format.R, r(OP_OP_32, 5, 0x01), M, "rd,rs1,rs2",
            "Divides the low 32 bits of rs1 by those of rs2 as unsigned numbers; the 32-bit quotient is "
            + "sign-extended into rd."),
    REMW("remw", Format.R, r(OP_OP_32, 6, 0x01), M, "rd,rs1,rs2",
            "Writes the remainder of the signed 32-bit division of rs1 by rs2, sign-extended, to rd."),
    REMUW("remuw", Format.R, r(OP_OP_32, 7, 0x01), M, "rd,rs1,rs2",
            "Writes the remainder of the unsigned 32-bit division of rs1 by rs2, sign-extended, to rd."),

    // ---------------------------------------------------------------- A
    LR_W("lr.w", Format.R, lr(2), A, ".aqrl rd,(rs1)",
            "Loads the 32-bit word at the address in rs1, sign-extended, into rd and places a reservation on "
            + "that address for a following sc.w."),
    SC_W("sc.w", Format.R, amo(2, 0b00011), A, ".aqrl rd,rs2,(rs1)",
            "Stores the low 32 bits of rs2 at the address in rs1 only if this hart still holds a reservation "
            + "on it; writes 0 to rd on success and nonzero on failure. The reservation ends either way."),
    AMOSWAP_W("amoswap.w", Format.R, amo(2, 0b00001), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd (sign-extended) and stores rs2 in its place."),
    AMOADD_W("amoadd.w", Format.R, amo(2, 0b00000), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd and stores the word plus rs2 back."),
    AMOXOR_W("amoxor.w", Format.R, amo(2, 0b00100), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd and stores the word xor rs2 back."),
    AMOAND_W("amoand.w", Format.R, amo(2, 0b01100), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd and stores the word and rs2 back."),
    AMOOR_W("amoor.w", Format.R, amo(2, 0b01000), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd and stores the word or rs2 back."),
    AMOMIN_W("amomin.w", Format.R, amo(2, 0b10000), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd and stores the signed minimum of it and rs2."),
    AMOMAX_W("amomax.w", Format.R, amo(2, 0b10100), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd and stores the signed maximum of it and rs2."),
    AMOMINU_W("amominu.w", Format.R, amo(2, 0b11000), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd and stores the unsigned minimum of it and rs2."),
    AMOMAXU_W("amomaxu.w", Format.R, amo(2, 0b11100), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the 32-bit word at rs1 into rd and stores the unsigned maximum of it and rs2."),
    LR_D("lr.d", Format.R, lr(3), A, ".aqrl rd,(rs1)",
            "Loads the 64-bit doubleword at the address in rs1 into rd and places a reservation on that "
            + "address for a following sc.d."),
    SC_D("sc.d", Format.R, amo(3, 0b00011), A, ".aqrl rd,rs2,(rs1)",
            "Stores rs2 at the address in rs1 only if this hart still holds a reservation on it; writes 0 to "
            + "rd on success and nonzero on failure."),
    AMOSWAP_D("amoswap.d", Format.R, amo(3, 0b00001), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores rs2 in its place."),
    AMOADD_D("amoadd.d", Format.R, amo(3, 0b00000), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores it plus rs2 back."),
    AMOXOR_D("amoxor.d", Format.R, amo(3, 0b00100), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores it xor rs2 back."),
    AMOAND_D("amoand.d", Format.R, amo(3, 0b01100), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores it and rs2 back."),
    AMOOR_D("amoor.d", Format.R, amo(3, 0b01000), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores it or rs2 back."),
    AMOMIN_D("amomin.d", Format.R, amo(3, 0b10000), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores the signed minimum of it and rs2."),
    AMOMAX_D("amomax.d", Format.R, amo(3, 0b10100), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores the signed maximum of it and rs2."),
    AMOMINU_D("amominu.d", Format.R, amo(3, 0b11000), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores the unsigned minimum of it and rs2."),
    AMOMAXU_D("amomaxu.d", Format.R, amo(3, 0b11100), A, ".aqrl rd,rs2,(rs1)",
            "Atomically loads the doubleword at rs1 into rd and stores the unsigned maximum of it and rs2."),

    // ---------------------------------------------------------------- F
    FLW("flw", Format.I, f3(OP_LOAD_FP, 2), F, "frd,off12(rs1)",
            "Loads a single-precision value from rs1 + offset into floating-point register rd."),
    FSW("fsw", Format.S, f3(OP_STORE_FP, 2), F, "frs2,soff12(rs1)",
            "Stores the single-precision value of floating-point register rs2 at rs1 + offset."),
    FMADD_S("fmadd.s", Format.R4, fma(OP_MADD, 0), F, "frd,frs1,frs2,frs3[,rm]",
            "Computes rs1 * rs2 + rs3 in single precision with one rounding at the end and writes it to rd."),
    FMSUB_S("fmsub.s", Format.R4, fma(OP_MSUB, 0), F, "frd,frs1,frs2,frs3[,rm]",
            "Computes rs1 * rs2 - rs3 in single precision with one rounding and writes it to rd."),
    FNMSUB_S("fnmsub.s", Format.R4, fma(OP_NMSUB, 0), F, "frd,frs1,frs2,frs3[,rm]",
            "Computes -(rs1 * rs2) + rs3 in single precision with one rounding and writes it to rd."),
    FNMADD_S("fnmadd.s", Format.R4, fma(OP_NMADD, 0), F, "frd,frs1,frs2,frs3[,rm]",
            "Computes -(rs1 * rs2) - rs3 in single precision with one rounding and writes it to rd."),
    FADD_S("fadd.s", Format.R, fpRm(0x00), F, "frd,frs1,frs2[,rm]",
            "Adds two single-precision values and writes the rounded sum to rd."),
    FSUB_S("fsub.s", Format.R, fpRm(0x04), F, "frd,frs1,frs2[,rm]",
            "Subtracts rs2 from rs1 in single precision and writes the rounded difference to rd."),
    FMUL_S("fmul.s", Format.R, fpRm(0x08), F, "frd,frs1,frs2[,rm]",
            "Multiplies two single-precision values and writes the rounded product to rd."),
    FDIV_S("fdiv.s", Format.R, fpRm(0x0c), F, "frd,frs1,frs2[,rm]",
            "Divides rs1 by rs2 in single precision and writes the rounded quotient to rd."),
    FSQRT_S("fsqrt.s", Format.R, fp1Rm(0x2c, 0), F, "frd,frs1[,rm]",
            "Writes the rounded square root of the single-precision value rs1 to rd."),
    FSGNJ_S("fsgnj.s", Format.R, fp(0x10, 0), F, "frd,frs1,frs2",
            "Writes rs1 with its sign replaced by the sign of rs2; with rs1 = rs2 it is a register move."),
    FSGNJN_S("fsgnjn.s", Format.R, fp(0x10, 1), F, "frd,frs1,frs2",
            "Writes rs1 with its sign replaced by the opposite of the sign of rs2; with rs1 = rs2 it negates."),
    FSGNJX_S("fsgnjx.s", Format.R, fp(0x10, 2), F, "frd,frs1,frs2",
            "Writes rs1 with its sign replaced by the exclusive or of both signs; with rs1 = rs2 it gives the "
            + "absolute value."),
    FMIN_S("fmin.s", Format.R, fp(0x14, 0), F, "frd,frs1,frs2",
            "Writes the smaller of two single-precision values to rd; -0 counts as smaller than +0 and a NaN "
            + "operand is ignored in favour of the other."),
    FMAX_S("fmax.s", Format.R, fp(0x14, 1), F, "frd,frs1,frs2",
            "Writes the larger of two single-precision values to rd; +0 counts as larger than -0 and a NaN "
            + "operand is ignored in favour of the other."),
    FCVT_W_S("fcvt.w.s", Format.R, fp1Rm(0x60, 0), F, "rd,frs1[,rm]",
            "Converts a single-precision value to a signed 32-bit integer, sign-extended into integer "
            + "register rd; values out of range saturate."),
    FCVT_WU_S("fcvt.wu.s", Format.R, fp1Rm(0x60, 1), F, "rd,frs1[,rm]",
            "Converts a single-precision value to an unsigned 32-bit integer, written sign-extended to rd; "
            + "values out of range saturate."),
    FCVT_L_S("fcvt.l.s", Format.R, fp1Rm(0x60, 2), F, "rd,frs1[,rm]",
            "Converts a single-precision value to a signed 64-bit integer in rd, saturating out-of-range values."),
    FCVT_LU_S("fcvt.lu.s", Format.R, fp1Rm(0x60, 3), F, "rd,frs1[,rm]",
            "Converts a single-precision value to an unsigned 64-bit integer in rd, saturating out-of-range "
            + "values."),
    FMV_X_W("fmv.x.w", Format.R, fp1(0x70, 0, 0), F, "rd,frs1",
            "Copies the 32-bit pattern of floating-point register rs1 into integer register rd, "
            + "sign-extended, without conversion."),
    FCLASS_S("fclass.s", Format.R, fp1(0x70, 0, 1), F, "rd,frs1",
            "Writes a mask to rd with one bit set for the class of rs1: negative infinity, negative normal, "
            + "negative subnormal, -0, +0, positive subnormal, positive normal, positive infinity, signalling "
            + "NaN or quiet NaN (bits 0..9)."),
    FEQ_S("feq.s", Format.R, fp(0x50, 2), F, "rd,frs1,frs2",
            "Writes 1 to integer register rd if rs1 equals rs2, else 0; only a signalling NaN raises the "
            + "invalid flag."),
    FLT_S("flt.s", Format.R, fp(0x50, 1), F, "rd,frs1,frs2",
            "Writes 1 to rd if rs1 is less than rs2, else 0; any NaN operand raises the invalid flag."),
    FLE_S("fle.s", Format.R, fp(0x50, 0), F, "rd,frs1,frs2",
            "Writes 1 to rd if rs1 is less than or equal to rs2, else 0; any NaN raises the invalid flag."),
    FCVT_S_W("fcvt.s.w", Format.R, fp1Rm(0x68, 0), F, "frd,rs1[,rm]",
            "Converts the signed 32-bit integer in the low half of rs1 to single precision."),
    FCVT_S_WU("fcvt.s.wu", Format.R, fp1Rm(0x68, 1), F, "frd,rs1[,rm]",
            "Converts the unsigned 32-bit integer in the low half of rs1 to single precision."),
    FCVT_S_L("fcvt.s.l", Format.R, fp1Rm(0x68, 2), F, "frd,rs1[,rm]",
            "Converts the signed 64-bit integer in rs1 to single precision."),
    FCVT_S_LU("fcvt.s.lu", Format.R, fp1Rm(0x68, 3), F, "frd,rs1[,rm]",
            "Converts the unsigned 64-bit integer in rs1 to single precision."),
    FMV_W_X("fmv.w.x", Format.R, fp1(0x78, 0, 0), F, "frd,rs1",
            "Copies the low 32 bits of integer register rs1 into floating-point register rd unchanged."),

    // ---------------------------------------------------------------- D
    FLD("fld", Format.I, f3(OP_LOAD_FP, 3), D, "frd,off12(rs1)",
            "Loads a double-precision value from rs1 + offset into floating-point register rd."),
    FSD("fsd", Format.S, f3(OP_STORE_FP, 3), D, "frs2,soff12(rs1)",
            "Stores the double-precision value of floating-point register rs2 at rs1 + offset."),
    FMADD_D("fmadd.d", Format.R4, fma(OP_MADD, 1), D, "frd,frs1,frs2,frs3[,rm]",
            "Computes rs1 * rs2 + rs3 in double precision with one rounding at the end and writes it to rd."),
    FMSUB_D("fmsub.d", Format.R4, fma(OP_MSUB, 1), D, "frd,frs1,frs2,frs3[,rm]",
            "Computes rs1 * rs2 - rs3 in double precision with one rounding and writes it to rd."),
    FNMSUB_D("fnmsub.d", Format.R4, fma(OP_NMSUB, 1), D, "frd,frs1,frs2,frs3[,rm]",
            "Computes -(rs1 * rs2) + rs3 in double precision with one rounding and writes it to rd."),
    FNMADD_D("fnmadd.d", Format.R4, fma(OP_NMADD, 1), D, "frd,frs1,frs2,frs3[,rm]",
            "Computes -(rs1 * rs2) - rs3 in double precision with one rounding and writes it to rd."),
    FADD_D("fadd.d", Format.R, fpRm(0x01), D, "frd,frs1,frs2[,rm]",
            "Adds two double-precision values and writes the rounded sum to rd."),
    FSUB_D("fsub.d", Format.R, fpRm(0x05), D, "frd,frs1,frs2[,rm]",
            "Subtracts rs2 from rs1 in double precision and writes the rounded difference to rd."),
    FMUL_D("fmul.d", Format.R, fpRm(0x09), D, "frd,frs1,frs2[,rm]",
            "Multiplies two double-precision values and writes the rounded product to rd."),
    FDIV_D("fdiv.d", Format.R, fpRm(0x0d), D, "frd,frs1,frs2[,rm]",
            "Divides rs1 by rs2 in double precision and writes the rounded quotient to rd."),
    FSQRT_D("fsqrt.d", Format.R, fp1Rm(0x2d, 0), D, "frd,frs1[,rm]",
            "Writes the rounded square root of the double-precision value rs1 to rd."),
    FSGNJ_D("fsgnj.d", Format.R, fp(0x11, 0), D, "frd,frs1,frs2",
            "Writes rs1 with its sign replaced by the sign of rs2; with rs1 = rs2 it is a register move."),
    FSGNJN_D("fsgnjn.d", Format.R, fp(0x11, 1), D, "frd,frs1,frs2",
            "Writes rs1 with its sign replaced by the opposite of the sign of rs2; with rs1 = rs2 it negates."),
    FSGNJX_D("fsgnjx.d", Format.R, fp(0x11, 2), D, "frd,frs1,frs2",
            "Writes rs1 with its sign replaced by the exclusive or of both signs; with rs1 = rs2 it gives the "
            + "absolute value."),
    FMIN_D("fmin.d", Format.R, fp(0x15, 0), D, "frd,frs1,frs2",
            "Writes the smaller of two double-precision values to rd; -0 is smaller than +0 and a NaN operand "
            + "is ignored in favour of the other."),
    FMAX_D("fmax.d", Format.R, fp(0x15, 1), D, "frd,frs1,frs2",
            "Writes the larger of two double-precision values to rd; +0 is larger than -0 and a NaN operand "
            + "is ignored in favour of the other."),
    FCVT_S_D("fcvt.s.d", Format.R, fp1Rm(0x20, 1), D, "frd,frs1[,rm]",
            "Converts a double-precision value to single precision, rounding as the mode says."),
    FCVT_D_S("fcvt.d.s", Format.R, fp1Rm0(0x21, 0), D, "frd,frs1",
            "Converts a single-precision value to double precision; this is always exact."),
    FEQ_D("feq.d", Format.R, fp(0x51, 2), D, "rd,frs1,frs2",
            "Writes 1 to integer register rd if rs1 equals rs2, else 0; only a signalling NaN raises the "
            + "invalid flag."),
    FLT_D("flt.d", Format.R, fp(0x51, 1), D, "rd,frs1,frs2",
            "Writes 1 to rd if rs1 is less than rs2, else 0; any NaN operand raises the invalid flag."),
    FLE_D("fle.d", Format.R, fp(0x51, 0), D, "rd,frs1,frs2",
            "Writes 1 to rd if rs1 is less than or equal to rs2, else 0; any NaN raises the invalid flag."),
    FCLASS_D("fclass.d", Format.R, fp1(0x71, 0, 1), D, "rd,frs1",
            "Writes a mask to rd with one bit set for the class of the double-precision value rs1 (the same "
            + "ten classes as fclass.s)."),
    FCVT_W_D("fcvt.w.d", Format.R, fp1Rm(0x61, 0), D, "rd,frs1[,rm]",
            "Converts a double-precision value to a signed 32-bit integer, sign-extended into rd; values out "
            + "of range saturate."),
    FCVT_WU_D("fcvt.wu.d", Format.R, fp1Rm(0x61, 1), D, "rd,frs1[,rm]",
            "Converts a double-precision value to an unsigned 32-bit integer, written sign-extended to rd."),
    FCVT_D_W("fcvt.d.w", Format.R, fp1Rm0(0x69, 0), D, "frd,rs1",
            "Converts the signed 32-bit integer in the low half of rs1 to double precision (always exact)."),
    FCVT_D_WU("fcvt.d.wu", Format.R, fp1Rm0(0x69, 1), D, "frd,rs1",
            "Converts the unsigned 32-bit integer in the low half of rs1 to double precision (always exact)."),
    FCVT_L_D("fcvt.l.d", Format.R, fp1Rm(0x61, 2), D, "rd,frs1[,rm]",
            "Converts a double-precision value to a signed 64-bit integer in rd, saturating out-of-range values."),
    FCVT_LU_D("fcvt.lu.d", Format.R, fp1Rm(0x61, 3), D, "rd,frs1[,rm]",
            "Converts a double-precision value to an unsigned 64-bit integer in rd, saturating out-of-range "
            + "values."),
    FMV_X_D("fmv.x.d", Format.R, fp1(0x71, 0, 0), D, "rd,frs1",
            "Copies the 64-bit pattern of floating-point register rs1 into integer register rd unchanged."),
    FCVT_D_L("fcvt.d.l", Format.R, fp1Rm(0x69, 2), D, "frd,rs1[,rm]",
            "Converts the signed 64-bit integer in rs1 to double precision."),
    FCVT_D_LU("fcvt.d.lu", Format.R, fp1Rm(0x69, 3), D, "frd,rs1[,rm]",
            "Converts the unsigned 64-bit integer in rs1 to double precision."),
    FMV_D_X("fmv.d.x", Format.R, fp1(0x79, 0, 0), D, "frd,rs1",
            "Copies the 64-bit integer register rs1 into floating-point register rd unchanged."),

    // ---------------------------------------------------------------- Zicsr
    CSRRW("csrrw", Format.I, f3(OP_SYSTEM, 1), ZICSR, "rd,csr,rs1",
            "Atomically writes rs1 to the CSR and the CSR's old value to rd; with rd = x0 the CSR is not "
            + "read at all, so read side effects do not happen."),
    CSRRS("csrrs", Format.I, f3(OP_SYSTEM, 2), ZICSR, "rd,csr,rs1",
            "Atomically reads the CSR into rd and sets the CSR bits that are 1 in rs1; with rs1 = x0 the CSR "
            + "is only read, never written."),
    CSRRC("csrrc", Format.I, f3(OP_SYSTEM, 3), ZICSR, "rd,csr,rs1",
            "Atomically reads the CSR into rd and clears the CSR bits that are 1 in rs1; with rs1 = x0 the "
            + "CSR is only read, never written."),
    CSRRWI("csrrwi", Format.I, f3(OP_SYSTEM, 5), ZICSR, "rd,csr,zimm",
            "Atomically writes a 5-bit zero-extended immediate to the CSR and its old value to rd; with "
            + "rd = x0 the CSR is not read."),
    CSRRSI("csrrsi", Format.I, f3(OP_SYSTEM, 6), ZICSR, "rd,csr,zimm",
            "Atomically reads the CSR into rd and sets the bits given by a 5-bit immediate; an immediate of 0 "
            + "only reads."),
    CSRRCI("csrrci", Format.I, f3(OP_SYSTEM, 7), ZICSR, "rd,csr,zimm",
            "Atomically reads the CSR into rd and clears the bits given by a 5-bit immediate; an immediate of "
            + "0 only reads."),

    // ---------------------------------------------------------------- privileged
    SRET("sret", Format.I, word(0x10200073), PRIVILEGED, "",
            "Returns from a supervisor-mode trap handler: jumps to sepc, drops to the privilege in "
            + "sstatus.SPP, restores SIE from SPIE, then sets SPIE and sets SPP to user mode. Traps if "
            + "mstatus.TSR is set and the hart is in S-mode."),
    MRET("mret", Format.I, word(0x30200073), PRIVILEGED, "",
            "Returns from a machine-mode trap handler: jumps to mepc, drops to the privilege in mstatus.MPP, "
            + "restores MIE from MPIE, sets MPIE, sets MPP to the lowest mode and clears MPRV when leaving "
            + "M-mode."),
    WFI("wfi", Format.I, word(0x10500073), PRIVILEGED, "",
            "Tells the hart it may stall until an interrupt might need handling; an implementation may also "
            + "treat it as a nop. A hypervisor deschedules the virtual hart here."),
    SFENCE_VMA("sfence.vma", Format.R, of(0x12000073, 0xfe007fff), PRIVILEGED, "rs1,rs2",
            "Orders earlier stores to page tables before later address translations and flushes cached "
            + "translations: rs1 picks one virtual address (x0: all) and rs2 one address-space ID (x0: all)."),

    // ---------------------------------------------------------------- C, quadrant 0
    C_ADDI4SPN("c.addi4spn", Format.CIW, c(0, 0), C, "crdq,sp,caddi4spn", "caddi4spn!=0",
            "Adds a nonzero multiple of 4 (4..1020) to sp and writes the sum to rd (x8..x15): addi rd, sp, "
            + "imm. Takes the address of a stack slot."),
    C_FLD("c.fld", Format.CL, c(0, 1), C, "cfrdq,cld(crs1q)", "+d",
            "Loads a double from rs1 + offset (a multiple of 8, 0..248) into f8..f15: fld rd, offset(rs1)."),
    C_LW("c.lw", Format.CL, c(0, 2), C, "crdq,clw(crs1q)",
            "Loads a sign-extended 32-bit word from rs1 + offset (a multiple of 4, 0..124): lw rd, offset(rs1)."),
    C_LD("c.ld", Format.CL, c(0, 3), C, "crdq,cld(crs1q)",
            "Loads a doubleword from rs1 + offset (a multiple of 8, 0..248): ld rd, offset(rs1)."),
    C_FSD("c.fsd", Format.CS, c(0, 5), C, "cfrs2q,cld(crs1q)", "+d",
            "Stores a double from f8..f15 at rs1 + offset (a multiple of 8, 0..248): fsd rs2, offset(rs1)."),
    C_SW("c.sw", Format.CS, c(0, 6), C, "crs2q,clw(crs1q)",
            "Stores the low 32 bits of rs2 at rs1 + offset (a multiple of 4, 0..124): sw rs2, offset(rs1)."),
    C_SD("c.sd", Format.CS, c(0, 7), C, "crs2q,cld(crs1q)",
            "Stores rs2 at rs1 + offset (a multiple of 8, 0..248): sd rs2, offset(rs1)."),

    // ---------------------------------------------------------------- C, quadrant 1
    C_ADDI("c.addi", Format.CI, c(1, 0), C, "crd,cimm6",
            "Adds a 6-bit signed immediate to rd in place: addi rd, rd, imm. With rd = x0 it is c.nop (a "
            + "hint when the immediate is not 0); a zero immediate with another rd is a hint."),
    C_ADDIW("c.addiw", Format.CI, c(1, 1), C, "crd,cimm6", "crd!=0",
            "Adds a 6-bit signed immediate to rd and sign-extends the low 32 bits: addiw rd, rd, imm. rd must "
            + "not be x0."),
    C_LI("c.li", Format.CI, c(1, 2), C, "crd,cimm6",
            "Loads a 6-bit signed immediate into rd: addi rd, x0, imm. With rd = x0 it is a hint."),
    C_ADDI16SP("c.addi16sp", Format.CI, of(0x6101, 0xef83), C, "sp,caddi16sp", "~caddi16sp!=0",
            "Adds a nonzero multiple of 16 (-512..496) to sp: addi sp, sp, imm. Grows or shrinks a stack frame."),
    C_LUI("c.lui", Format.CI, c(1, 3), C, "crd,clui", "crd!=2,clui!=0",
            "Loads a nonzero 6-bit signed value into bits 17..12 of rd, sign-extended: lui rd, imm. rd may "
            + "not be sp (that encoding is c.addi16sp); rd = x0 is a hint."),
    C_SRLI("c.srli", Format.CB, of(0x8001, 0xec03), C, "cdq,cshamt", "cshamt!=0",
            "Shifts rd (x8..x15) right logically by 1..63 in place: srli rd, rd, shamt."),
    C_SRAI("c.srai", Format.CB, of(0x8401, 0xec03), C, "cdq,cshamt", "cshamt!=0",
            "Shifts rd (x8..x15) right arithmetically by 1..63 in place: srai rd, rd, shamt."),
    C_ANDI("c.andi", Format.CB, of(0x8801, 0xec03), C, "cdq,cimm6",
            "Ands rd (x8..x15) with a 6-bit signed immediate in place: andi rd, rd, imm."),
    C_SUB("c.sub", Format.CA, of(0x8c01, 0xfc63), C, "cdq,crs2q",
            "Subtracts rs2 from rd in place (both x8..x15): sub rd, rd, rs2."),
    C_XOR("c.xor", Format.CA, of(0x8c21, 0xfc63), C, "cdq,crs2q",
            "Exclusive-ors rs2 into rd in place (both x8..x15): xor rd, rd, rs2."),
    C_OR("c.or", Format.CA, of(0x8c41, 0xfc63), C, "cdq,crs2q",
            "Ors rs2 into rd in place (both x8..x15): or rd, rd, rs2."),
    C_AND("c.and", Format.CA, of(0x8c61, 0xfc63), C, "cdq,crs2q",
            "Ands rs2 into rd in place (both x8..x15): and rd, rd, rs2."),
    C_SUBW("c.subw", Format.CA, of(0x9c01, 0xfc63), C, "cdq,crs2q",
            "Subtracts rs2 from rd and sign-extends the low 32 bits (both x8..x15): subw rd, rd, rs2."),
    C_ADDW("c.addw", Format.CA, of(0x9c21, 0xfc63), C, "cdq,crs2q",
            "Adds rs2 to rd and sign-extends the low 32 bits (both x8..x15): addw rd, rd, rs2."),
    C_J("c.j", Format.CJ, c(1, 5), C, "cjoff",
            "Jumps within 2 KiB of this instruction: jal x0, offset."),
    C_BEQZ("c.beqz", Format.CB, c(1, 6), C, "crs1q,cboff",
            "Branches within 256 bytes if rs1 (x8..x15) is zero: beq rs1, x0, offset."),
    C_BNEZ("c.bnez", Format.CB, c(1, 7), C, "crs1q,cboff",
            "Branches within 256 bytes if rs1 (x8..x15) is not zero: bne rs1, x0, offset."),
    C_SRLI64("c.srli64", Format.CB, of(0x8001, 0xfc7f), C, "cdq", "hint",
            "A logical right shift by 64 on RV128; on RV64 this encoding (shift amount 0) is a hint that does "
            + "nothing."),
    C_SRAI64("c.srai64", Format.CB, of(0x8401, 0xfc7f), C, "cdq", "hint",
            "An arithmetic right shift by 64 on RV128; on RV64 this encoding is a hint that does nothing."),

    // ---------------------------------------------------------------- C, quadrant 2
    C_SLLI("c.slli", Format.CI, c(2, 0), C, "crd,cshamt", "cshamt!=0",
            "Shifts rd left by 1..63 in place: slli rd, rd, shamt. With rd = x0 it is a hint."),
    C_SLLI64("c.slli64", Format.CI, of(0x0002, 0xf07f), C, "crd", "hint",
            "A left shift by 64 on RV128; on RV64 this encoding (shift amount 0) is a hint that does nothing."),
    C_FLDSP("c.fldsp", Format.CI, c(2, 1), C, "cfrd,cldsp(sp)", "+d",
            "Loads a double from sp + offset (a multiple of 8, 0..504): fld rd, offset(sp)."),
    C_LWSP("c.lwsp", Format.CI, c(2, 2), C, "crd,clwsp(sp)", "crd!=0",
            "Loads a sign-extended 32-bit word from sp + offset (a multiple of 4, 0..252): lw rd, offset(sp). "
            + "rd must not be x0."),
    C_LDSP("c.ldsp", Format.CI, c(2, 3), C, "crd,cldsp(sp)", "crd!=0",
            "Loads a doubleword from sp + offset (a multiple of 8, 0..504): ld rd, offset(sp). rd must not "
            + "be x0."),
    C_JR("c.jr", Format.CR, of(0x8002, 0xf07f), C, "crs1", "crs1!=0",
            "Jumps to the address in rs1: jalr x0, 0(rs1). rs1 must not be x0; with ra it is ret."),
    C_MV("c.mv", Format.CR, of(0x8002, 0xf003), C, "crd,crs2", "crs2!=0",
            "Copies rs2 into rd: add rd, x0, rs2. rs2 must not be x0; rd = x0 is a hint."),
    C_EBREAK("c.ebreak", Format.CR, of(0x9002, 0xffff), C, "",
            "Raises a breakpoint exception: the compressed form of ebreak."),
    C_JALR("c.jalr", Format.CR, of(0x9002, 0xf07f), C, "crs1", "crs1!=0",
            "Calls the address in rs1, saving the return address in ra: jalr ra, 0(rs1)."),
    C_ADD("c.add", Format.CR, of(0x9002, 0xf003), C, "crd,crs2", "crs2!=0",
            "Adds rs2 to rd in place: add rd, rd, rs2. rs2 must not be x0; rd = x0 is a hint."),
    C_FSDSP("c.fsdsp", Format.CSS, c(2, 5), C, "cfrs2,csdsp(sp)", "+d",
            "Stores a double at sp + offset (a multiple of 8, 0..504): fsd rs2, offset(sp)."),
    C_SWSP("c.swsp", Format.CSS, c(2, 6), C, "crs2,cswsp(sp)",
            "Stores the low 32 bits of rs2 at sp + offset (a multiple of 4, 0..252): sw rs2, offset(sp)."),
    C_SDSP("c.sdsp", Format.CSS, c(2, 7), C, "crs2,csdsp(sp)",
            "Stores rs2 at sp + offset (a multiple of 8, 0..504): sd rs2, offset(sp)."),

    // ---------------------------------------------------------------- not executable on RV64GC
    C_UNIMP("c.unimp", Format.CIW, of(0x0000, 0xffff), RETIRED, "", "+c",
            "The all-zero 16-bit word. The specification defines it as permanently illegal so that running "
            + "into zeroed memory traps at once; assemblers accept c.unimp (or unimp) to emit it."),
    URET("uret", Format.I, word(0x00200073), RETIRED, "",
            "Returned from a user-mode trap handler in the withdrawn N extension; illegal on an RV64GC hart."),
    HRET("hret", Format.I, word(0x20200073), RETIRED, "",
            "The hypervisor-mode trap return of the old privileged draft 1.9; it does not exist any more and "
            + "is illegal."),
    DRET("dret", Format.I, word(0x7b200073), RETIRED, "",
            "Leaves debug mode (external debug support); outside debug mode it is an illegal instruction."),
    SFENCE_VM("sfence.vm", Format.I, of(0x10400073, 0xfff07fff), RETIRED, "rs1",
            "The address-translation fence of the old privileged draft 1.9, replaced by sfence.vma; illegal "
            + "on current harts.");

    private final String mnemonic;
    private final Format format;
    private final int match;
    private final int mask;
    private final Extension extension;
    private final String description;
    private final Template template;
    private final List<Operand> operands;
    private final boolean aqrl;
    private final boolean hint;
    private final Extension[] alsoNeeds;
    private final Extension alternative;

    Instruction(String mnemonic, Format format, Enc enc, Extension extension, String syntax, String description) {
        this(mnemonic, format, enc, extension, syntax, "", description);
    }

    Instruction(String mnemonic, Format format, Enc enc, Extension extension, String syntax, String rules,
            String description) {
        this.mnemonic = mnemonic;
        this.format = format;
        this.match = enc.match();
        this.mask = enc.mask();
        this.extension = extension;
        this.description = description;
        String body = syntax;
        this.aqrl = body.startsWith(".aqrl");
        if (aqrl) {
            body = body.substring(".aqrl".length()).trim();
        }
        List<Operand> ops = new ArrayList<>();
        this.template = Template.parse(body, token -> {
            for (int i = 0; i < ops.size(); i++) {
                if (ops.get(i).token().equals(token)) {
                    return i;
                }
            }
            Operand op = Operands.byToken(token);
            if (op == null) {
                return -1;
            }
            ops.add(op);
            return ops.size() - 1;
        });
        if (aqrl) {
            ops.add(Operands.byToken("aq"));
            ops.add(Operands.byToken("rl"));
        }
        boolean isHint = false;
        List<Extension> needs = new ArrayList<>();
        Extension alt = null;
        for (String rule : rules.split(",")) {
            rule = rule.trim();
            if (rule.isEmpty()) {
                continue;
            }
            if (rule.equals("hint")) {
                isHint = true;
            } else if (rule.startsWith("+")) {
                needs.add(Extension.valueOf(rule.substring(1).toUpperCase()));
            } else if (rule.startsWith("|")) {
                alt = Extension.valueOf(rule.substring(1).toUpperCase());
            } else {
                boolean reserved = rule.startsWith("~");
                String r = reserved ? rule.substring(1) : rule;
                int ne = r.indexOf("!=");
                String token = r.substring(0, ne);
                int value = Integer.parseInt(r.substring(ne + 2));
                int index = -1;
                for (int i = 0; i < ops.size(); i++) {
                    if (ops.get(i).token().equals(token)) {
                        index = i;
                    }
                }
                if (index < 0) {
                    throw new IllegalStateException("rule " + rule + " names no operand of " + mnemonic);
                }
                Operand o = ops.get(index);
                if (value == 0) {
                    o = o.withZeroRule(reserved ? Operand.ZeroRule.RESERVED : Operand.ZeroRule.ILLEGAL);
                } else {
                    o = o.excluding(value);
                }
                ops.set(index, o);
            }
        }
        this.operands = Collections.unmodifiableList(ops);
        this.hint = isHint;
        this.alsoNeeds = needs.toArray(new Extension[0]);
        this.alternative = alt;
        int covered = mask;
        for (Operand o : ops) {
            if ((covered & o.field().insnMask()) != 0) {
                throw new IllegalStateException(mnemonic + ": operand " + o.token() + " overlaps fixed bits");
            }
            covered |= o.field().insnMask();
        }
        int full = enc.length() == 2 ? 0xffff : 0xffffffff;
        if (covered != full) {
            throw new IllegalStateException(mnemonic + ": bits " + Integer.toHexString(full & ~covered)
                    + " are neither fixed nor an operand");
        }
        if ((match & ~mask) != 0 || (enc.length() == 2) != (format.length() == 2)) {
            throw new IllegalStateException(mnemonic + ": inconsistent encoding");
        }
    }

    /** The dense id of this instruction, 0..{@code count()-1}. */
    public int id() {
        return ordinal();
    }

    /** Number of instructions in the table. */
    public static int count() {
        return Table.ALL.length;
    }

    /** The instruction with a given id. */
    public static Instruction byId(int id) {
        return Table.ALL[id];
    }

    /** The instruction with a given base mnemonic (without .aq/.rl suffixes), or null. */
    public static Instruction byMnemonic(String mnemonic) {
        return Table.BY_MNEMONIC.get(mnemonic);
    }

    /** The mnemonic, e.g. "addi" or "c.addi" (atomics without their .aq/.rl suffixes). */
    public String mnemonic() {
        return mnemonic;
    }

    /** The encoding format. */
    public Format format() {
        return format;
    }

    /** Instruction length in bytes: 2 or 4. */
    public int length() {
        return format.length();
    }

    /** True for 16-bit instructions. */
    public boolean isCompressed() {
        return format.length() == 2;
    }

    /** The fixed bits of the encoding. */
    public int match() {
        return match;
    }

    /** Which bits of the encoding are fixed. */
    public int mask() {
        return mask;
    }

    /** The extension the instruction belongs to. */
    public Extension extension() {
        return extension;
    }

    /** Further extensions an ISA must have for this instruction (D for c.fld and friends). */
    public List<Extension> alsoRequires() {
        return List.of(alsoNeeds);
    }

    /** An extension that on its own is enough instead of {@link #extension()} (Zmmul for mul*), or null. */
    public Extension alternativeExtension() {
        return alternative;
    }

    /** A paragraph describing what the instruction does. */
    public String description() {
        return description;
    }

    /** The operands in written order; the aq and rl bits of atomics come last. */
    public List<Operand> operands() {
        return operands;
    }

    /** Number of operands. */
    public int operandCount() {
        return operands.size();
    }

    /** Reads operand {@code index} from the instruction bits; allocates nothing. */
    public long operand(int bits, int index) {
        return operands.get(index).extract(bits);
    }

    /** Index of the operand with the given token or display name, or -1. */
    public int operandIndex(String tokenOrName) {
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i).token().equals(tokenOrName)) {
                return i;
            }
        }
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i).name().equals(tokenOrName)) {
                return i;
            }
        }
        return -1;
    }

    /** How the operands are written (without the aq/rl suffix of atomics). */
    public Template template() {
        return template;
    }

    /** True for atomics, whose aq and rl bits are written as a .aq, .rl or .aqrl suffix. */
    public boolean hasOrderingSuffix() {
        return aqrl;
    }

    /** True for HINT encodings, which execute as no-ops on RV64. */
    public boolean isHint() {
        return hint;
    }

    /**
     * True if an RV64GC hart executes this instruction; false for the encodings that only the
     * disassembler names ({@link Extension#RETIRED}).
     */
    public boolean isExecutable() {
        return extension != Extension.RETIRED;
    }

    /** The assembler syntax with operand names, e.g. "addi rd, rs1, imm" or "amoadd.w[.aq][.rl] rd, rs2, (rs1)". */
    public String syntax() {
        StringBuilder sb = new StringBuilder(mnemonic);
        if (aqrl) {
            sb.append("[.aq][.rl]");
        }
        if (!template.isEmpty()) {
            sb.append(' ');
        }
        boolean inOptional = false;
        for (Template.Part p : template.parts()) {
            if (p.optional() && !inOptional) {
                sb.append('[');
                inOptional = true;
            } else if (!p.optional() && inOptional) {
                sb.append(']');
                inOptional = false;
            }
            if (p.isLiteral()) {
                sb.append(p.literal());
                if (p.literal().equals(",")) {
                    sb.append(' ');
                }
            } else {
                sb.append(operands.get(p.operand()).name());
            }
        }
        if (inOptional) {
            sb.append(']');
        }
        return sb.toString();
    }

    /** Lookup tables, built once after all constants exist. */
    private static final class Table {
        static final Instruction[] ALL = values();
        static final Map<String, Instruction> BY_MNEMONIC = new HashMap<>();

        static {
            for (Instruction i : ALL) {
                BY_MNEMONIC.put(i.mnemonic, i);
            }
        }
    }
}
