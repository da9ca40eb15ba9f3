package dev.guestbench.asm.assembler.emit;

import dev.guestbench.isa.Compressed;
import dev.guestbench.isa.Decoder;
import dev.guestbench.isa.Extension;
import dev.guestbench.isa.Instruction;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the 16-bit form GNU as uses for a 32-bit instruction, from the ISA table's compressed
 * expansions read backwards (HINT encodings excluded), plus the forms as finds by operand pattern:
 * {@code addi rd, rs, 0} as c.mv and commutative operations with swapped sources.
 */
final class Compressor {
    private static final Map<Integer, Integer> WITH_D = new HashMap<>();
    private static final Map<Integer, Integer> WITHOUT_D = new HashMap<>();
    private static final IntMap FAST_WITH_D;
    private static final IntMap FAST_WITHOUT_D;

    /** Open addressing int to int map (instruction words collide badly in HashMap's buckets). */
    private static final class IntMap {
        private final int[] keys;
        private final int[] values;
        private final boolean[] used;
        private final int mask;

        IntMap(Map<Integer, Integer> from) {
            int cap = Integer.highestOneBit(Math.max(16, from.size() * 3)) << 1;
            keys = new int[cap];
            values = new int[cap];
            used = new boolean[cap];
            mask = cap - 1;
            from.forEach((k, v) -> {
                int i = slot(k);
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = k;
                values[i] = v;
            });
        }

        private int slot(int k) {
            return (k * 0x9E3779B1 >>> 7) & mask;
        }

        int get(int k) {
            int i = slot(k);
            while (used[i]) {
                if (keys[i] == k) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }
    }

    static {
        Decoder decoder = Decoder.standard();
        for (int w = 0; w < 0x10000; w++) {
            if ((w & 3) == 3) {
                continue;
            }
            Instruction c = decoder.decode(w);
            if (c == null || c.isHint() || !c.isExecutable() || c == Instruction.C_UNIMP) {
                continue;
            }
            int rd = (w >>> 7) & 31;
            int imm6 = ((w >>> 2) & 31) | ((w >>> 7) & 32);
            if ((c == Instruction.C_LI || c == Instruction.C_LUI || c == Instruction.C_MV || c == Instruction.C_ADD
                    || c == Instruction.C_SLLI) && rd == 0) {
                continue; // hints
            }
            if (c == Instruction.C_ADDI && ((rd == 0) != (imm6 == 0))) {
                continue; // hints
            }
            int exp = Compressed.expand(w);
            if (exp == 0) {
                continue;
            }
            boolean needsD = c.alsoRequires().contains(Extension.D) || c.extension() == Extension.D;
            Integer old = WITH_D.get(exp);
            // c.addi wins over c.addi16sp for addi sp, sp, imm (the order of GNU's opcode table).
            if (old == null || decoder.decode(old) == Instruction.C_ADDI16SP) {
                WITH_D.put(exp, w);
                if (!needsD) {
                    WITHOUT_D.put(exp, w);
                }
            }
        }
    }

    static {
        FAST_WITH_D = new IntMap(WITH_D);
        FAST_WITHOUT_D = new IntMap(WITHOUT_D);
    }

    private Compressor() {
    }

    /** The 16-bit form of a 32-bit instruction, or -1 if there is none. */
    static int compress(int word, boolean hasD) {
        IntMap map = hasD ? FAST_WITH_D : FAST_WITHOUT_D;
        int c = map.get(word);
        if (c >= 0) {
            return c;
        }
        int opcode = word & 0x7f;
        int rd = (word >>> 7) & 31;
        int f3 = (word >>> 12) & 7;
        int rs1 = (word >>> 15) & 31;
        int rs2 = (word >>> 20) & 31;
        int f7 = word >>> 25;
        if (opcode == 0x13 && f3 == 0 && (word >>> 20) == 0 && rd != 0 && rs1 != 0) {
            // addi rd, rs1, 0 is mv rd, rs1: c.mv
            return map.get(0x33 | rd << 7 | rs1 << 20);
        }
        boolean commutative = (opcode == 0x33 && f7 == 0 && (f3 == 0 || f3 == 4 || f3 == 6 || f3 == 7))
                || (opcode == 0x3b && f7 == 0 && f3 == 0);
        if (commutative && rd == rs2 && rs1 != 0) {
            int swapped = (word & ~(31 << 15) & ~(31 << 20)) | rs2 << 15 | rs1 << 20;
            return map.get(swapped);
        }
        return -1;
    }
}
