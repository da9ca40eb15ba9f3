package dev.guestbench.isa;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns instruction bits into an {@link Instruction} of the table, without allocating and without
 * throwing: a word that is no instruction gives {@link #ILLEGAL} ({@code null}).
 *
 * <p>16-bit words go through a precomputed 65536-entry array; 32-bit words through a table indexed
 * by major opcode and funct3, followed by a short match/mask scan. The {@link #standard()} decoder
 * is the architectural one an RV64GC hart uses: reserved encodings (c.addi16sp with a zero
 * immediate, the reserved rounding modes 5 and 6, the all-zero word, withdrawn and debug-only
 * instructions) are illegal. The {@link #lenient()} decoder also returns those, the way the GNU
 * disassembler shows them; it is meant for listings, never for execution.
 */
public final class Decoder {

    /** The result for a word that is not an instruction. */
    public static final Instruction ILLEGAL = null;

    /** {@link #decodeId} returns this for a word that is not an instruction. */
    public static final int ILLEGAL_ID = -1;

    private static final Decoder STANDARD = new Decoder(false);
    private static final Decoder LENIENT = new Decoder(true);

    private final boolean lenient;
    /** Instruction id + 1 for every 16-bit word; 0 where illegal. */
    private final short[] compressed = new short[1 << 16];
    /** Per (opcode[6:2], funct3) bucket: match, mask, id and "needs operand check" as groups of four ints. */
    private final int[][] buckets = new int[256][];
    private final Instruction[] byId = Instruction.values();

    private Decoder(boolean lenient) {
        this.lenient = lenient;
        List<Instruction> short16 = new ArrayList<>();
        List<List<int[]>> lists = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            lists.add(new ArrayList<>());
        }
        for (Instruction insn : byId) {
            if (!lenient && !insn.isExecutable()) {
                continue;
            }
            if (insn.isCompressed()) {
                short16.add(insn);
                continue;
            }
            boolean check = needsOperandCheck(insn);
            int opcode = (insn.match() >>> 2) & 0x1f;
            boolean f3Fixed = (insn.mask() & 0x7000) == 0x7000;
            for (int f3 = 0; f3 < 8; f3++) {
                if (f3Fixed && f3 != ((insn.match() >>> 12) & 7)) {
                    continue;
                }
                lists.get(opcode << 3 | f3).add(new int[] {insn.match(), insn.mask(), insn.id(), check ? 1 : 0});
            }
        }
        for (int b = 0; b < 256; b++) {
            List<int[]> l = lists.get(b);
            int[] flat = new int[l.size() * 4];
            for (int i = 0; i < l.size(); i++) {
                System.arraycopy(l.get(i), 0, flat, i * 4, 4);
            }
            buckets[b] = flat;
        }
        for (int w = 0; w < (1 << 16); w++) {
            if ((w & 3) == 3) {
                continue;
            }
            Instruction found = null;
            for (Instruction insn : short16) {
                if ((w & insn.mask()) == insn.match() && operandsAccepted(insn, w)) {
                    if (found != null) {
                        throw new IllegalStateException("16-bit word 0x" + Integer.toHexString(w) + " matches both "
                                + found.mnemonic() + " and " + insn.mnemonic());
                    }
                    found = insn;
                }
            }
            compressed[w] = (short) (found == null ? 0 : found.id() + 1);
        }
    }

    /**
     * The decoder of an RV64GC hart: reserved encodings are illegal, and words that differ from an
     * instruction only in fields the spec says to ignore run as that instruction (see {@link #canonical}).
     */
    public static Decoder standard() {
        return STANDARD;
    }

    /** A decoder that also accepts every encoding the GNU disassembler names; for listings only. */
    public static Decoder lenient() {
        return LENIENT;
    }

    /** Length in bytes of the instruction starting with these bits: 2 if the low two bits are not 11, else 4. */
    public static int length(int bits) {
        return (bits & 3) == 3 ? 4 : 2;
    }

    /**
     * Decodes one instruction. For a 16-bit instruction only the low 16 bits are looked at.
     *
     * @return the instruction, or {@link #ILLEGAL} (null) if the word is not an instruction
     */
    public Instruction decode(int bits) {
        int id = decodeId(bits);
        return id < 0 ? null : byId[id];
    }

    /** Like {@link #decode} but gives the instruction id, or {@link #ILLEGAL_ID}. */
    public int decodeId(int bits) {
        if ((bits & 3) != 3) {
            return compressed[bits & 0xffff] - 1;
        }
        int[] bucket = buckets[((bits >>> 2) & 0x1f) << 3 | ((bits >>> 12) & 7)];
        for (int i = 0; i < bucket.length; i += 4) {
            if ((bits & bucket[i + 1]) == bucket[i]) {
                int id = bucket[i + 2];
                if (bucket[i + 3] == 0 || operandsAccepted(byId[id], bits)) {
                    return id;
                }
            }
        }
        if (!lenient) {
            int canonical = canonical(bits);
            if (canonical != bits) {
                return decodeId(canonical);
            }
        }
        return ILLEGAL_ID;
    }

    /**
     * The word a hart executes in place of {@code bits} when they differ only in fields the spec reserves
     * and tells implementations to ignore: FENCE's rd, rs1 and reserved fm values (a normal fence), FENCE.I's
     * immediate, rs1 and rd, and the rounding mode of the exact conversions fcvt.d.w, fcvt.d.wu and fcvt.d.s
     * (any valid mode gives the same result). Other words are returned as they are. The GNU disassembler
     * shows these variants as data, so only the {@link #standard()} decoder accepts them.
     */
    public static int canonical(int bits) {
        if ((bits & 0x707f) == 0x000f) {
            int fence = bits & ~0x000f8f80;
            // fm = 1000 with pred = succ = rw is FENCE.TSO; every other non-zero fm is reserved: a plain fence.
            return fence == 0x8330000f ? fence : fence & 0x0fffffff;
        }
        if ((bits & 0x707f) == 0x100f) {
            return 0x0000100f;
        }
        int rm = (bits >>> 12) & 7;
        boolean exactConversion = (bits & 0xfff0_007f) == 0xd200_0053 || (bits & 0xfff0_007f) == 0xd210_0053
                || (bits & 0xfff0_007f) == 0x4200_0053;
        if (exactConversion && rm != 0 && rm != 5 && rm != 6) {
            return bits & ~0x7000;
        }
        return bits;
    }

    /** True if the word is an instruction for this decoder. */
    public boolean isLegal(int bits) {
        return decodeId(bits) >= 0;
    }

    private boolean operandsAccepted(Instruction insn, int bits) {
        List<Operand> ops = insn.operands();
        for (int i = 0, n = ops.size(); i < n; i++) {
            Operand op = ops.get(i);
            if (!op.acceptsDecoded(op.extract(bits), lenient)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsOperandCheck(Instruction insn) {
        for (Operand op : insn.operands()) {
            if (op.zeroRule() != Operand.ZeroRule.ALLOWED || op.excludedValue() != Operand.NO_EXCLUSION
                    || op.kind() == OperandKind.ROUNDING_MODE) {
                return true;
            }
        }
        return false;
    }
}
