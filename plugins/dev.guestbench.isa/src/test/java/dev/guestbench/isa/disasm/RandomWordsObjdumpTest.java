package dev.guestbench.isa.disasm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Beyond the corpus: every 16-bit word and a large seeded sample of 32-bit words (most of them
 * with a real major opcode and fields biased towards the values aliases look at) are emitted with
 * .insn, assembled for different ISAs, and our listing is compared with objdump's.
 */
class RandomWordsObjdumpTest {
    private static final int[] OPCODES = {0x03, 0x07, 0x0f, 0x13, 0x17, 0x1b, 0x23, 0x27, 0x2f, 0x33, 0x37, 0x3b,
        0x43, 0x47, 0x4b, 0x4f, 0x53, 0x63, 0x67, 0x6f, 0x73};
    private static final int[] CSRS = {1, 2, 3, 0xc00, 0xc01, 0xc02, 0x300, 0x180, 0x105, 0x7c0, 0x10a};
    private static final int[] FP_FUNCT7 = {0, 1, 4, 5, 8, 9, 0xc, 0xd, 0x2c, 0x2d, 0x10, 0x11, 0x14, 0x15, 0x20,
        0x21, 0x50, 0x51, 0x60, 0x61, 0x68, 0x69, 0x70, 0x71, 0x78, 0x79};

    static String source(long seed, int count) {
        StringBuilder sb = new StringBuilder(".globl _start\n_start:\n");
        for (int w = 0; w < 0x10000; w++) {
            if ((w & 3) != 3) {
                sb.append(String.format("  .insn 0x%04x%n", w));
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int w = r.nextInt();
            if (r.nextInt(10) < 8) {
                int op = OPCODES[r.nextInt(OPCODES.length)];
                w = (w & ~0x7f) | op;
                if (r.nextInt(10) < 3) {
                    w &= ~(0x1f << 15);
                }
                if (r.nextInt(10) < 3) {
                    w &= ~(0x1f << 7);
                }
                if (r.nextInt(10) < 3) {
                    w &= ~(0x1f << 20);
                }
                if (r.nextInt(10) < 2) {
                    w &= ~(0xfff << 20);
                }
                if (op == 0x73 && r.nextBoolean()) {
                    w = (w & ~(0xfff << 20)) | CSRS[r.nextInt(CSRS.length)] << 20;
                }
                if (op == 0x53 && r.nextBoolean()) {
                    w = (w & 0x01ffffff) | FP_FUNCT7[r.nextInt(FP_FUNCT7.length)] << 25;
                    if (r.nextBoolean()) {
                        w = (w & ~(0x1f << 20)) | ((w >>> 15) & 0x1f) << 20;
                    }
                }
            } else {
                w |= 3;
                if (((w >>> 2) & 7) == 7) {
                    w &= ~(1 << 4);
                }
            }
            sb.append(String.format("  .insn 0x%08x%n", w));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rv64gc_zicsr_zifencei", "rv64i", "rv64imafd_zicsr", "rv64iac"})
    void randomWordsMatchObjdump(String march) throws IOException {
        GnuToolchain.require();
        Path dir = GnuToolchain.workDirectory("random-" + march);
        Path source = dir.resolve("words.S");
        Files.writeString(source, source(march.hashCode(), 40_000));
        Path object = GnuToolchain.assemble(source, dir.resolve("words.o"), "-march=" + march);
        for (boolean aliases : new boolean[] {true, false}) {
            String difference = GnuToolchain.firstDifference(GnuToolchain.objdump(object, aliases),
                    ObjdumpListing.of(object, aliases));
            if (difference != null) {
                fail(march + (aliases ? "" : " -M no-aliases") + ": " + difference);
            }
        }
    }
}
