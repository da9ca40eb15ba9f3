package dev.guestbench.vmm.cpu;

import dev.guestbench.isa.Compressed;
import dev.guestbench.isa.Decoder;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.Operand;
import dev.guestbench.isa.OperandKind;
import dev.guestbench.vmm.memory.Mmu;

/**
 * The decoded instructions of one 4 KiB guest-physical page, one slot per 2-byte boundary, decoded lazily
 * the first time each slot executes. A slot packs the operation and its register fields into an int (see
 * the accessors) and its immediate into one long, so the interpreter reads one long per instruction.
 */
public final class DecodedPage {

    /** Slots per page (one per halfword). */
    public static final int SLOTS = 2048;
    /** Bit set in a slot of a 16-bit instruction (so the word is negative). */
    public static final int COMPRESSED = 1 << 31;

    /** Guest-physical address of the page. */
    public final long base;
    /** The host frame the instructions are read from. */
    public final byte[] frame;
    /**
     * The decoded slots, 0 until decoded: the immediate (sign-extended where the instruction's is; the CSR
     * number of CSR instructions) in the high 32 bits, the packed operation in the low 32: op | rd << 8 |
     * rs1 << 13 | rs2 << 18 | rs3 << 23 | rm << 28 | COMPRESSED. One long, so one load per instruction.
     */
    public final long[] slots = new long[SLOTS];
    /** The raw instruction bits of each slot, for mtval on illegal instructions and the trap history. */
    public final int[] bits = new int[SLOTS];
    /** Translated blocks by start slot: null until tried, {@link CompiledBlock#NONE} where none can start. */
    public final CompiledBlock[] blocks = new CompiledBlock[SLOTS];
    /** How often the interpreter ran each slot that has no block yet, up to the translation threshold. */
    final byte[] heat = new byte[SLOTS];
    /**
     * False once the page's bytes changed: the interpreter must not run stale decodings. Only the hart that
     * runs stores while others wait (the scheduler runs one at a time), so a plain field is enough.
     */
    public boolean valid = true;

    DecodedPage(long base, byte[] frame) {
        this.base = base;
        this.frame = frame;
    }

    /** Decodes slot {@code slot} and returns its slot value (immediate << 32 | packed operation). */
    public long decode(int slot) {
        int offset = slot << 1;
        int low = (int) Mmu.read(frame, offset, 2);
        int word;
        int packed;
        if ((low & 3) != 3) {
            word = low;
            int expanded = Compressed.expand(low);
            packed = expanded == 0 ? Op.ILLEGAL : pack(expanded) | COMPRESSED;
        } else if (offset == 4094) {
            word = low;
            packed = Op.CROSS_PAGE;
        } else {
            word = (int) Mmu.read(frame, offset, 4);
            packed = pack(word);
        }
        bits[slot] = word;
        long value = (long) immediate(packed, word) << 32 | (packed & 0xffff_ffffL);
        slots[slot] = value;
        return value;
    }

    /** The packed operation of a full 32-bit instruction word (its immediate via {@link #immediate}). */
    public static int pack(int word) {
        Instruction insn = Decoder.standard().decode(word);
        if (insn == null) {
            return Op.ILLEGAL;
        }
        int op = Op.of(insn);
        int rd = 0;
        int rs1 = 0;
        int rs2 = 0;
        int rs3 = 0;
        int rm = 0;
        for (int i = 0; i < insn.operandCount(); i++) {
            Operand operand = insn.operands().get(i);
            int value = (int) insn.operand(word, i);
            switch (operand.name()) {
                case "rd" -> rd = value;
                case "rs1", "uimm" -> rs1 = value;
                case "rs2" -> rs2 = value;
                case "rs3" -> rs3 = value;
                case "rm" -> rm = value;
                default -> {
                    // immediates are read by immediate()
                }
            }
        }
        if (rd == 0) {
            op = withoutLink(op);
        }
        return op | rd << 8 | rs1 << 13 | rs2 << 18 | rs3 << 23 | rm << 28;
    }

    /**
     * The operation to run when rd is x0: integer computations become NOP (so the interpreter never has to
     * re-zero x0 after them), jumps lose their link. Loads keep their access (it may fault or touch a device).
     */
    private static int withoutLink(int op) {
        return switch (op) {
            case Op.JAL -> Op.JAL_X0;
            case Op.JALR -> Op.JALR_X0;
            case Op.LUI, Op.AUIPC, Op.ADDI, Op.SLTI, Op.SLTIU, Op.XORI, Op.ORI, Op.ANDI, Op.SLLI, Op.SRLI, Op.SRAI,
                    Op.ADD, Op.SUB, Op.SLL, Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.SRA, Op.OR, Op.AND, Op.ADDIW,
                    Op.SLLIW, Op.SRLIW, Op.SRAIW, Op.ADDW, Op.SUBW, Op.SLLW, Op.SRLW, Op.SRAW, Op.MUL, Op.MULH,
                    Op.MULHSU, Op.MULHU, Op.MULW, Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.DIVW, Op.DIVUW, Op.REMW,
                    Op.REMUW -> Op.NOP;
            default -> op;
        };
    }

    /** The immediate of a decoded word: the base instruction's, for compressed ones their expansion's. */
    static int immediate(int packed, int word) {
        if ((packed & 0xff) == Op.ILLEGAL || (packed & 0xff) == Op.CROSS_PAGE || (packed & 0xff) == Op.NOP) {
            return 0;
        }
        int w = (packed & COMPRESSED) != 0 ? Compressed.expand(word & 0xffff) : word;
        Instruction insn = Decoder.standard().decode(w);
        for (int i = 0; i < insn.operandCount(); i++) {
            Operand operand = insn.operands().get(i);
            OperandKind kind = operand.kind();
            if (kind.isRegister() || kind == OperandKind.ROUNDING_MODE || kind == OperandKind.FENCE_SET
                    || kind == OperandKind.ACQUIRE || kind == OperandKind.RELEASE
                    || kind == OperandKind.CSR_IMMEDIATE) {
                continue;
            }
            long value = insn.operand(w, i);
            return kind == OperandKind.UPPER_IMMEDIATE ? (int) (value << 12) : (int) value;
        }
        return 0;
    }

    /** The operation of a packed slot. */
    public static int op(int packed) {
        return packed & 0xff;
    }

    /** Length in bytes of the instruction of a packed slot. */
    public static int length(int packed) {
        return packed < 0 ? 2 : 4;
    }
}
