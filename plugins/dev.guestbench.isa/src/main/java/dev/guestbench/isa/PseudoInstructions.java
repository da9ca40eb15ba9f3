package dev.guestbench.isa;

import static dev.guestbench.isa.Instruction.*;

import dev.guestbench.isa.PseudoInstruction.Display;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The table of pseudo-instructions. Aliases come in the order in which the disassembler prefers
 * them: for a given instruction the first shown alias whose conditions hold is used (this order
 * reproduces what GNU objdump 2.40 prints). Macros are for the assembler.
 */
public final class PseudoInstructions {
    private static final List<PseudoInstruction> ALL;
    private static final Map<Instruction, List<PseudoInstruction>> SHOWN;

    static {
        List<PseudoInstruction> l = new ArrayList<>();
        Extension base = Extension.I;
        Extension f = Extension.F;

        shown(l, "unimp", C_UNIMP, "", "", null,
                "Emits a word that always raises an illegal-instruction exception: the all-zero 16-bit word "
                + "when compressed instructions are on, otherwise csrrw x0, cycle, x0 (a write to a read-only "
                + "CSR). Marks code that must never run.");
        l.add(PseudoInstruction.alias("unimp", CSRRW, "", "rd=zero,csr=0xc00,rs1=zero", Display.ALWAYS, base,
                "Emits csrrw x0, cycle, x0, which always raises an illegal-instruction exception because "
                + "cycle is read-only."));
        shown(l, "ebreak", C_EBREAK, "", "", null, "Raises a breakpoint exception (compressed encoding).");
        asm(l, "sbreak", C_EBREAK, "", "", "Old name of ebreak.");
        asm(l, "sbreak", EBREAK, "", "", "Old name of ebreak.");
        shown(l, "ret", C_JR, "", "crs1=ra", null, "Returns from a function: jumps to the address in ra.");
        shown(l, "ret", JALR, "", "rd=zero,rs1=ra,off12=0", null,
                "Returns from a function: jumps to the address in ra without saving a link.");
        shown(l, "jr", C_JR, "crs1", "", null, "Jumps to the address held in rs1.");
        shown(l, "jr", JALR, "rs1", "rd=zero,off12=0", null, "Jumps to the address held in rs1.");
        shown(l, "jr", JALR, "off12(rs1)", "rd=zero", null, "Jumps to rs1 plus an offset without saving a link.");
        asm(l, "jr", JALR, "rs1,off12", "rd=zero", "Jumps to rs1 plus an offset without saving a link.");
        shown(l, "jalr", C_JALR, "crs1", "", null, "Calls the function whose address is in rs1, linking in ra.");
        shown(l, "jalr", JALR, "rs1", "rd=ra,off12=0", null,
                "Calls the function whose address is in rs1, linking in ra.");
        shown(l, "jalr", JALR, "off12(rs1)", "rd=ra", null, "Calls rs1 plus an offset, linking in ra.");
        asm(l, "jalr", JALR, "rs1,off12", "rd=ra", "Calls rs1 plus an offset, linking in ra.");
        shown(l, "jalr", JALR, "rd,rs1", "off12=0", null,
                "Jumps to the address in rs1 and writes the return address to rd.");
        asm(l, "jalr", JALR, "rd,rs1,off12", "", "Three-operand form of jalr rd, offset(rs1).");
        shown(l, "j", C_J, "cjoff", "", null, "Jumps to a nearby label (within 2 KiB) without linking.");
        shown(l, "j", JAL, "joff", "rd=zero", null, "Jumps to a label within 1 MiB without saving a link.");
        shown(l, "jal", JAL, "joff", "rd=ra", null, "Calls a label within 1 MiB, saving the return address in ra.");
        macro(l, "call symbol", "auipc ra, %pcrel_hi(symbol); jalr ra, %pcrel_lo(symbol)(ra)",
                "Calls a function anywhere within 2 GiB, linking in ra; the linker may relax it to jal.");
        macro(l, "call rd, symbol", "auipc rd, %pcrel_hi(symbol); jalr rd, %pcrel_lo(symbol)(rd)",
                "Calls a function anywhere within 2 GiB, linking in rd.");
        macro(l, "tail symbol", "auipc t1, %pcrel_hi(symbol); jalr zero, %pcrel_lo(symbol)(t1)",
                "Tail-calls a function within 2 GiB: jumps without linking, clobbering t1.");
        macro(l, "jump symbol, rt", "auipc rt, %pcrel_hi(symbol); jalr zero, %pcrel_lo(symbol)(rt)",
                "Jumps to a label within 2 GiB using rt as the scratch register.");
        shown(l, "nop", C_ADDI, "", "crd=zero,cimm6=0", null, "Does nothing (compressed encoding).");
        shown(l, "nop", ADDI, "", "rd=zero,rs1=zero,imm12=0", null,
                "Does nothing; the canonical no-operation addi x0, x0, 0.");
        shown(l, "lui", C_LUI, "crd,clui", "crd!=0", null,
                "Loads an upper immediate into rd (compressed encoding, 6 significant bits).");
        shown(l, "li", C_LI, "crd,cimm6", "crd!=0", null, "Loads a small constant (-32..31) into rd.");
        shown(l, "li", ADDI, "rd,imm12", "rs1=zero", null, "Loads a 12-bit signed constant into rd.");
        macro(l, "li rd, imm", "lui/addi(w)/slli sequence as long as the constant needs",
                "Loads any 64-bit constant into rd, using the shortest sequence of lui, addi(w) and slli "
                + "the assembler finds.");
        shown(l, "mv", C_MV, "crd,crs2", "crd!=0", null, "Copies rs2 into rd (compressed encoding).");
        shown(l, "mv", ADDI, "rd,rs1", "imm12=0", null, "Copies rs1 into rd.");
        asm(l, "move", C_MV, "crd,crs2", "crd!=0", "Old name of mv.");
        asm(l, "move", ADDI, "rd,rs1", "imm12=0", "Old name of mv.");
        shown(l, "zext.b", ANDI, "rd,rs1", "imm12=255", null, "Zero-extends the low byte of rs1 into rd.");
        shown(l, "and", C_AND, "cdq,cdq,crs2q", "", null, "Ands rs2 into rd (compressed encoding).");
        asm(l, "and", C_AND, "cdq,crs2q,cdq", "", "Ands rs2 into rd (compressed encoding, operands swapped).");
        shown(l, "and", C_ANDI, "cdq,cdq,cimm6", "", null, "Ands a 6-bit signed immediate into rd.");
        shown(l, "and", ANDI, "rd,rs1,imm12", "", null,
                "The and mnemonic with an immediate operand, standing for andi.");
        asm(l, "andi", C_ANDI, "cdq,cdq,cimm6", "", "andi in its compressed encoding.");
        shown(l, "beqz", C_BEQZ, "crs1q,cboff", "", null, "Branches if rs1 is zero (compressed encoding).");
        shown(l, "beqz", BEQ, "rs1,boff", "rs2=zero", null, "Branches if rs1 is zero.");
        asm(l, "beq", C_BEQZ, "crs1q,zero,cboff", "", "beq against x0 in its compressed encoding.");
        shown(l, "blez", BGE, "rs2,boff", "rs1=zero", null, "Branches if rs is less than or equal to zero.");
        shown(l, "bgez", BGE, "rs1,boff", "rs2=zero", null, "Branches if rs is greater than or equal to zero.");
        asm(l, "ble", BGE, "rs2,rs1,boff", "", "Branches if rs is less than or equal to rt, signed (bge rt, rs).");
        asm(l, "bleu", BGEU, "rs2,rs1,boff", "",
                "Branches if rs is less than or equal to rt, unsigned (bgeu rt, rs).");
        shown(l, "bltz", BLT, "rs1,boff", "rs2=zero", null, "Branches if rs is less than zero.");
        shown(l, "bgtz", BLT, "rs2,boff", "rs1=zero", null, "Branches if rs is greater than zero.");
        asm(l, "bgt", BLT, "rs2,rs1,boff", "", "Branches if rs is greater than rt, signed (blt rt, rs).");
        asm(l, "bgtu", BLTU, "rs2,rs1,boff", "", "Branches if rs is greater than rt, unsigned (bltu rt, rs).");
        shown(l, "bnez", C_BNEZ, "crs1q,cboff", "", null, "Branches if rs1 is not zero (compressed encoding).");
        shown(l, "bnez", BNE, "rs1,boff", "rs2=zero", null, "Branches if rs1 is not zero.");
        asm(l, "bne", C_BNEZ, "crs1q,zero,cboff", "", "bne against x0 in its compressed encoding.");
        shown(l, "add", C_ADD, "crd,crd,crs2", "crd!=0", null, "Adds rs2 to rd (compressed encoding).");
        asm(l, "add", C_ADD, "crd,crs2,crd", "crd!=0", "Adds rs2 to rd (compressed encoding, operands swapped).");
        shown(l, "add", C_ADDI, "crd,crd,cimm6", "crd!=0", null, "Adds a 6-bit signed immediate to rd.");
        shown(l, "add", C_ADDI4SPN, "crdq,sp,caddi4spn", "", null, "Writes sp plus a scaled immediate to rd.");
        shown(l, "add", C_ADDI16SP, "sp,sp,caddi16sp", "", null, "Adds a multiple of 16 to sp.");
        asm(l, "add", C_MV, "crd,zero,crs2", "crd!=0", "Copies rs2 into rd (compressed encoding).");
        shown(l, "add", ADDI, "rd,rs1,imm12", "", null,
                "The add mnemonic with an immediate operand, standing for addi.");
        asm(l, "addi", C_ADDI4SPN, "crdq,sp,caddi4spn", "", "addi from sp in its compressed encoding.");
        asm(l, "addi", C_ADDI, "crd,crd,cimm6", "crd!=0", "addi in its compressed encoding.");
        asm(l, "addi", C_ADDI16SP, "sp,sp,caddi16sp", "", "addi to sp in its compressed encoding.");
        asm(l, "addi", C_LI, "crd,zero,cimm6", "crd!=0", "addi from x0 in its compressed encoding.");
        asm(l, "addi", C_MV, "crd,crs2,0", "crd!=0", "addi with a zero immediate in its compressed encoding.");
        macro(l, "la rd, symbol", "auipc rd, %pcrel_hi(symbol); addi rd, rd, %pcrel_lo(symbol) (or a GOT load "
                + "when position-independent)", "Loads the address of a symbol into rd.");
        macro(l, "lla rd, symbol", "auipc rd, %pcrel_hi(symbol); addi rd, rd, %pcrel_lo(symbol)",
                "Loads the pc-relative address of a symbol into rd, never through the GOT.");
        shown(l, "neg", SUB, "rd,rs2", "rs1=zero", null, "Negates rs into rd (two's complement).");
        shown(l, "sll", C_SLLI, "crd,crd,cshamt", "crd!=0", null, "Shifts rd left by an immediate in place.");
        shown(l, "sll", SLLI, "rd,rs1,shamt6", "", null,
                "The sll mnemonic with an immediate shift amount, standing for slli.");
        asm(l, "slli", C_SLLI, "crd,crd,cshamt", "crd!=0", "slli in its compressed encoding.");
        shown(l, "srl", C_SRLI, "cdq,cdq,cshamt", "", null, "Shifts rd right logically by an immediate in place.");
        shown(l, "srl", SRLI, "rd,rs1,shamt6", "", null,
                "The srl mnemonic with an immediate shift amount, standing for srli.");
        asm(l, "srli", C_SRLI, "cdq,cdq,cshamt", "", "srli in its compressed encoding.");
        shown(l, "sra", C_SRAI, "cdq,cdq,cshamt", "", null,
                "Shifts rd right arithmetically by an immediate in place.");
        shown(l, "sra", SRAI, "rd,rs1,shamt6", "", null,
                "The sra mnemonic with an immediate shift amount, standing for srai.");
        asm(l, "srai", C_SRAI, "cdq,cdq,cshamt", "", "srai in its compressed encoding.");
        shown(l, "sub", C_SUB, "cdq,cdq,crs2q", "", null, "Subtracts rs2 from rd (compressed encoding).");
        shown(l, "lw", C_LWSP, "crd,clwsp(sp)", "", null, "Loads a word from the stack (compressed encoding).");
        shown(l, "lw", C_LW, "crdq,clw(crs1q)", "", null, "Loads a word (compressed encoding).");
        macro(l, "lw rd, symbol", "auipc rd, %pcrel_hi(symbol); lw rd, %pcrel_lo(symbol)(rd)",
                "Loads the word stored at a symbol within 2 GiB (lb, lbu, lh, lhu, lwu, ld work the same way).");
        shown(l, "not", XORI, "rd,rs1", "imm12=-1", null, "Inverts every bit of rs into rd.");
        shown(l, "or", ORI, "rd,rs1,imm12", "", null, "The or mnemonic with an immediate operand, standing for ori.");
        shown(l, "or", C_OR, "cdq,cdq,crs2q", "", null, "Ors rs2 into rd (compressed encoding).");
        asm(l, "or", C_OR, "cdq,crs2q,cdq", "", "Ors rs2 into rd (compressed encoding, operands swapped).");
        shown(l, "seqz", SLTIU, "rd,rs1", "imm12=1", null, "Writes 1 to rd if rs is zero, otherwise 0.");
        shown(l, "snez", SLTU, "rd,rs2", "rs1=zero", null, "Writes 1 to rd if rs is not zero, otherwise 0.");
        shown(l, "sltz", SLT, "rd,rs1", "rs2=zero", null, "Writes 1 to rd if rs is negative, otherwise 0.");
        shown(l, "sgtz", SLT, "rd,rs2", "rs1=zero", null, "Writes 1 to rd if rs is greater than zero, otherwise 0.");
        asm(l, "slt", SLTI, "rd,rs1,imm12", "", "The slt mnemonic with an immediate, standing for slti.");
        asm(l, "sltu", SLTIU, "rd,rs1,imm12", "", "The sltu mnemonic with an immediate, standing for sltiu.");
        asm(l, "sgt", SLT, "rd,rs2,rs1", "", "Writes 1 to rd if rs is greater than rt, signed (slt rd, rt, rs).");
        asm(l, "sgtu", SLTU, "rd,rs2,rs1", "",
                "Writes 1 to rd if rs is greater than rt, unsigned (sltu rd, rt, rs).");
        shown(l, "sw", C_SWSP, "crs2,cswsp(sp)", "", null, "Stores a word on the stack (compressed encoding).");
        shown(l, "sw", C_SW, "crs2q,clw(crs1q)", "", null, "Stores a word (compressed encoding).");
        macro(l, "sw rs2, symbol, rt", "auipc rt, %pcrel_hi(symbol); sw rs2, %pcrel_lo(symbol)(rt)",
                "Stores a word at a symbol within 2 GiB using rt as the scratch register (sb, sh, sd alike).");
        shown(l, "fence", FENCE, "", "pred=15,succ=15", null,
                "A full fence: orders all earlier device and memory accesses before all later ones.");
        shown(l, "rdcycle", CSRRS, "rd", "csr=0xc00,rs1=zero", base,
                "Reads the cycle counter (the cycle CSR) into rd.");
        shown(l, "rdinstret", CSRRS, "rd", "csr=0xc02,rs1=zero", base,
                "Reads the retired-instruction counter (the instret CSR) into rd.");
        shown(l, "rdtime", CSRRS, "rd", "csr=0xc01,rs1=zero", base,
                "Reads the real-time counter (the time CSR) into rd.");
        asm(l, "scall", ECALL, "", "", "Old name of ecall.");
        shown(l, "xor", XORI, "rd,rs1,imm12", "", null,
                "The xor mnemonic with an immediate operand, standing for xori.");
        shown(l, "xor", C_XOR, "cdq,cdq,crs2q", "", null, "Exclusive-ors rs2 into rd (compressed encoding).");
        asm(l, "xor", C_XOR, "cdq,crs2q,cdq", "", "Exclusive-ors rs2 into rd (compressed, operands swapped).");
        shown(l, "ld", C_LDSP, "crd,cldsp(sp)", "", null, "Loads a doubleword from the stack (compressed).");
        shown(l, "ld", C_LD, "crdq,cld(crs1q)", "", null, "Loads a doubleword (compressed encoding).");
        shown(l, "sd", C_SDSP, "crs2,csdsp(sp)", "", null, "Stores a doubleword on the stack (compressed).");
        shown(l, "sd", C_SD, "crs2q,cld(crs1q)", "", null, "Stores a doubleword (compressed encoding).");
        shown(l, "sext.w", C_ADDIW, "crd,crd", "cimm6=0", null,
                "Sign-extends the low 32 bits of rd in place (compressed encoding).");
        shown(l, "sext.w", ADDIW, "rd,rs1", "imm12=0", null, "Sign-extends the low 32 bits of rs into rd.");
        shown(l, "addw", C_ADDW, "cdq,cdq,crs2q", "", null, "Adds rs2 to rd, 32-bit (compressed encoding).");
        asm(l, "addw", C_ADDW, "cdq,crs2q,cdq", "", "Adds rs2 to rd, 32-bit (compressed, operands swapped).");
        shown(l, "addw", C_ADDIW, "crd,crd,cimm6", "", null, "Adds a 6-bit immediate to rd, 32-bit (compressed).");
        shown(l, "addw", ADDIW, "rd,rs1,imm12", "", null,
                "The addw mnemonic with an immediate operand, standing for addiw.");
        asm(l, "addiw", C_ADDIW, "crd,crd,cimm6", "", "addiw in its compressed encoding.");
        shown(l, "negw", SUBW, "rd,rs2", "rs1=zero", null,
                "Negates the low 32 bits of rs and sign-extends the result into rd.");
        shown(l, "sllw", SLLIW, "rd,rs1,shamt5", "", null,
                "The sllw mnemonic with an immediate shift amount, standing for slliw.");
        shown(l, "srlw", SRLIW, "rd,rs1,shamt5", "", null,
                "The srlw mnemonic with an immediate shift amount, standing for srliw.");
        shown(l, "sraw", SRAIW, "rd,rs1,shamt5", "", null,
                "The sraw mnemonic with an immediate shift amount, standing for sraiw.");
        shown(l, "subw", C_SUBW, "cdq,cdq,crs2q", "", null, "Subtracts rs2 from rd, 32-bit (compressed).");
        macro(l, "sext.b rd, rs", "slli rd, rs, 56; srai rd, rd, 56",
                "Sign-extends the low byte of rs into rd with two shifts.");
        macro(l, "sext.h rd, rs", "slli rd, rs, 48; srai rd, rd, 48",
                "Sign-extends the low 16 bits of rs into rd with two shifts.");
        macro(l, "zext.h rd, rs", "slli rd, rs, 48; srli rd, rd, 48",
                "Zero-extends the low 16 bits of rs into rd with two shifts.");
        macro(l, "zext.w rd, rs", "slli rd, rs, 32; srli rd, rd, 32",
                "Zero-extends the low 32 bits of rs into rd with two shifts.");

        shown(l, "frcsr", CSRRS, "rd", "csr=3,rs1=zero", f,
                "Reads the whole floating-point control and status register (fcsr) into rd.");
        asm(l, "frsr", CSRRS, "rd", "csr=3,rs1=zero", "Old name of frcsr.");
        shown(l, "fscsr", CSRRW, "rs1", "csr=3,rd=zero", f, "Writes rs to fcsr (rounding mode and flags).");
        shown(l, "fscsr", CSRRW, "rd,rs1", "csr=3", f, "Swaps rs into fcsr, putting the old value in rd.");
        asm(l, "fssr", CSRRW, "rs1", "csr=3,rd=zero", "Old name of fscsr.");
        asm(l, "fssr", CSRRW, "rd,rs1", "csr=3", "Old name of fscsr.");
        shown(l, "frrm", CSRRS, "rd", "csr=2,rs1=zero", f, "Reads the dynamic rounding mode (frm) into rd.");
        shown(l, "fsrm", CSRRW, "rs1", "csr=2,rd=zero", f, "Sets the dynamic rounding mode (frm) from rs.");
        shown(l, "fsrm", CSRRW, "rd,rs1", "csr=2", f, "Swaps rs into frm, putting the old mode in rd.");
        shown(l, "fsrmi", CSRRWI, "rd,zimm", "csr=2", f,
                "Sets the dynamic rounding mode to an immediate, putting the old mode in rd.");
        asm(l, "fsrmi", CSRRWI, "zimm", "csr=2,rd=zero", "Sets the dynamic rounding mode to an immediate.");
        shown(l, "frflags", CSRRS, "rd", "csr=1,rs1=zero", f, "Reads the accrued exception flags (fflags) into rd.");
        shown(l, "fsflags", CSRRW, "rs1", "csr=1,rd=zero", f, "Writes the accrued exception flags from rs.");
        shown(l, "fsflags", CSRRW, "rd,rs1", "csr=1", f, "Swaps rs into fflags, putting the old flags in rd.");
        shown(l, "fsflagsi", CSRRWI, "rd,zimm", "csr=1", f,
                "Writes the exception flags from an immediate, putting the old flags in rd.");
        asm(l, "fsflagsi", CSRRWI, "zimm", "csr=1,rd=zero", "Writes the exception flags from an immediate.");
        asm(l, "fmv.x.s", FMV_X_W, "rd,frs1", "", "Old name of fmv.x.w.");
        asm(l, "fmv.s.x", FMV_W_X, "frd,rs1", "", "Old name of fmv.w.x.");
        shown(l, "fmv.s", FSGNJ_S, "frd,frs1", "frs1==frs2", null, "Copies a single-precision register.");
        shown(l, "fneg.s", FSGNJN_S, "frd,frs1", "frs1==frs2", null, "Negates a single-precision value.");
        shown(l, "fabs.s", FSGNJX_S, "frd,frs1", "frs1==frs2", null,
                "Writes the absolute value of a single-precision value.");
        asm(l, "fgt.s", FLT_S, "rd,frs2,frs1", "", "Writes 1 to rd if rs is greater than rt (flt.s rd, rt, rs).");
        asm(l, "fge.s", FLE_S, "rd,frs2,frs1", "",
                "Writes 1 to rd if rs is greater than or equal to rt (fle.s rd, rt, rs).");
        macro(l, "flw rd, symbol, rt", "auipc rt, %pcrel_hi(symbol); flw rd, %pcrel_lo(symbol)(rt)",
                "Loads the single-precision value at a symbol within 2 GiB (fld alike).");
        macro(l, "fsw rs2, symbol, rt", "auipc rt, %pcrel_hi(symbol); fsw rs2, %pcrel_lo(symbol)(rt)",
                "Stores a single-precision value at a symbol within 2 GiB (fsd alike).");

        shown(l, "fld", C_FLDSP, "cfrd,cldsp(sp)", "", null, "Loads a double from the stack (compressed).");
        shown(l, "fld", C_FLD, "cfrdq,cld(crs1q)", "", null, "Loads a double (compressed encoding).");
        shown(l, "fsd", C_FSDSP, "cfrs2,csdsp(sp)", "", null, "Stores a double on the stack (compressed).");
        shown(l, "fsd", C_FSD, "cfrs2q,cld(crs1q)", "", null, "Stores a double (compressed encoding).");
        shown(l, "fmv.d", FSGNJ_D, "frd,frs1", "frs1==frs2", null, "Copies a double-precision register.");
        shown(l, "fneg.d", FSGNJN_D, "frd,frs1", "frs1==frs2", null, "Negates a double-precision value.");
        shown(l, "fabs.d", FSGNJX_D, "frd,frs1", "frs1==frs2", null,
                "Writes the absolute value of a double-precision value.");
        asm(l, "fgt.d", FLT_D, "rd,frs2,frs1", "", "Writes 1 to rd if rs is greater than rt (flt.d rd, rt, rs).");
        asm(l, "fge.d", FLE_D, "rd,frs2,frs1", "",
                "Writes 1 to rd if rs is greater than or equal to rt (fle.d rd, rt, rs).");

        shown(l, "c.nop", C_ADDI, "", "crd=zero,cimm6=0", null, "The compressed no-operation.");
        shown(l, "c.nop", C_ADDI, "cimm6", "crd=zero", null,
                "A compressed no-operation carrying an immediate: a hint that does nothing.");

        shown(l, "csrr", CSRRS, "rd,csr", "rs1=zero", null, "Reads a CSR into rd without writing it.");
        shown(l, "csrw", CSRRW, "csr,rs1", "rd=zero", null, "Writes rs to a CSR without reading it first.");
        shown(l, "csrw", CSRRWI, "csr,zimm", "rd=zero", null, "Writes a 5-bit immediate to a CSR.");
        asm(l, "csrwi", CSRRWI, "csr,zimm", "rd=zero", "Writes a 5-bit immediate to a CSR.");
        shown(l, "csrs", CSRRS, "csr,rs1", "rd=zero", null, "Sets the CSR bits that are 1 in rs.");
        shown(l, "csrs", CSRRSI, "csr,zimm", "rd=zero", null, "Sets the CSR bits given by a 5-bit immediate.");
        asm(l, "csrsi", CSRRSI, "csr,zimm", "rd=zero", "Sets the CSR bits given by a 5-bit immediate.");
        shown(l, "csrc", CSRRC, "csr,rs1", "rd=zero", null, "Clears the CSR bits that are 1 in rs.");
        shown(l, "csrc", CSRRCI, "csr,zimm", "rd=zero", null, "Clears the CSR bits given by a 5-bit immediate.");
        asm(l, "csrci", CSRRCI, "csr,zimm", "rd=zero", "Clears the CSR bits given by a 5-bit immediate.");
        shown(l, "csrrw", CSRRWI, "rd,csr,zimm", "", null,
                "The csrrw mnemonic with an immediate source, standing for csrrwi.");
        shown(l, "csrrs", CSRRSI, "rd,csr,zimm", "", null,
                "The csrrs mnemonic with an immediate source, standing for csrrsi.");
        shown(l, "csrrc", CSRRCI, "rd,csr,zimm", "", null,
                "The csrrc mnemonic with an immediate source, standing for csrrci.");

        l.add(PseudoInstruction.alias("sfence.vm", SFENCE_VM, "", "rs1=zero", Display.ALWAYS, null,
                "The withdrawn draft-1.9 fence over all addresses."));
        shown(l, "sfence.vma", SFENCE_VMA, "", "rs1=zero,rs2=zero", null,
                "Flushes all cached address translations of all address spaces.");
        shown(l, "sfence.vma", SFENCE_VMA, "rs1", "rs2=zero", null,
                "Flushes the cached translations of one virtual address in every address space.");

        ALL = Collections.unmodifiableList(l);
        Map<Instruction, List<PseudoInstruction>> shownBy = new EnumMap<>(Instruction.class);
        for (Instruction i : Instruction.values()) {
            shownBy.put(i, new ArrayList<>());
        }
        for (PseudoInstruction p : l) {
            if (!p.isMacro() && p.display() != Display.NEVER) {
                shownBy.get(p.target()).add(p);
            }
        }
        for (Map.Entry<Instruction, List<PseudoInstruction>> e : shownBy.entrySet()) {
            e.setValue(Collections.unmodifiableList(e.getValue()));
        }
        SHOWN = shownBy;
    }

    private PseudoInstructions() {
    }

    private static void shown(List<PseudoInstruction> l, String mnemonic, Instruction target, String template,
            String conditions, Extension requirement, String description) {
        l.add(PseudoInstruction.alias(mnemonic, target, template, conditions, Display.PREFERRED, requirement,
                description));
    }

    private static void asm(List<PseudoInstruction> l, String mnemonic, Instruction target, String template,
            String conditions, String description) {
        l.add(PseudoInstruction.alias(mnemonic, target, template, conditions, Display.NEVER, null, description));
    }

    private static void macro(List<PseudoInstruction> l, String syntax, String expansion, String description) {
        l.add(PseudoInstruction.macro(syntax, expansion, description));
    }

    /** Every pseudo-instruction, aliases in the disassembler's order of preference. */
    public static List<PseudoInstruction> all() {
        return ALL;
    }

    /** The aliases the disassembler may show for an instruction, most preferred first. */
    public static List<PseudoInstruction> shownFor(Instruction instruction) {
        return SHOWN.get(instruction);
    }

    /** The pseudo-instructions with a given mnemonic, in table order. */
    public static List<PseudoInstruction> byMnemonic(String mnemonic) {
        List<PseudoInstruction> out = new ArrayList<>();
        for (PseudoInstruction p : ALL) {
            if (p.mnemonic().equals(mnemonic)) {
                out.add(p);
            }
        }
        return out;
    }
}
