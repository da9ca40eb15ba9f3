package dev.guestbench.vmm.cpu.fp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * QEMU as the oracle for {@link FloatUnit}: computes every vector with the FloatUnit, writes the vectors and
 * those results into the bare-metal harness (src/test/resources/fp/harness.s), assembles it, runs it on
 * qemu-system-riscv64 (virt, -bios none) and fails with the first disagreements, QEMU's value being the
 * expected one. The harness compares in the guest and prints only disagreements, plus a checksum of all of
 * QEMU's results that this class recomputes to prove every record really ran.
 */
final class QemuFpOracle {

    /** One instruction execution: operands are 64-bit register values (singles NaN-boxed or deliberately not). */
    record Vector(FpOp op, int rm, long a, long b, long c) {
    }

    private static final int RECORD_BYTES = 40;
    private static final int MAX_REPORTS = 64; // as in harness.s
    private static final String[] RM_NAMES = {"rne", "rtz", "rdn", "rup", "rmm"};

    private QemuFpOracle() {
    }

    /** Runs the vectors on QEMU and fails listing the first mismatches, if there are any. */
    static void assertAgrees(String name, List<Vector> vectors) {
        requireTool("riscv64-unknown-elf-as", "binutils-riscv64-unknown-elf");
        requireTool("riscv64-unknown-elf-ld", "binutils-riscv64-unknown-elf");
        requireTool("qemu-system-riscv64", "qemu-system-misc");
        try {
            run(name, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(String name, List<Vector> vectors) throws IOException, InterruptedException {
        Path dir = Path.of("target", "fp-qemu", name);
        Files.createDirectories(dir);
        int n = vectors.size();
        long[] unitResult = new long[n];
        int[] unitFlags = new int[n];
        ByteBuffer records = ByteBuffer.allocate(n * RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatUnit unit = new FloatUnit();
        for (int i = 0; i < n; i++) {
            Vector v = vectors.get(i);
            unit.flags = 0;
            unitResult[i] = v.op().semantics.apply(unit, v.a(), v.b(), v.c(), v.rm());
            unitFlags[i] = unit.flags;
            records.put((byte) v.op().ordinal()).put((byte) v.rm()).putShort((short) 0).putInt(unitFlags[i]);
            records.putLong(v.a()).putLong(v.b()).putLong(v.c()).putLong(unitResult[i]);
        }
        Files.write(dir.resolve("records.bin"), records.array());
        StringBuilder table = new StringBuilder("        .section .text\n        .option push\n"
                + "        .option norvc\n        .balign 8\noptable:\n");
        for (FpOp op : FpOp.values()) {
            table.append(op.tableEntry());
        }
        table.append("        .option pop\n");
        Files.writeString(dir.resolve("optable.s"), table);
        try (InputStream in = QemuFpOracle.class.getResourceAsStream("/fp/harness.s")) {
            if (in == null) {
                fail("resource /fp/harness.s is not on the class path (src/test/resources)");
            }
            Files.write(dir.resolve("harness.s"), in.readAllBytes());
        }

        exec(dir, 60, "riscv64-unknown-elf-as", "-march=rv64gc_zicsr_zifencei", "-mabi=lp64d", "-mno-relax",
                "-o", "harness.o", "harness.s");
        exec(dir, 60, "riscv64-unknown-elf-ld", "-nostdlib", "-Ttext=0x80000000", "-e", "_start",
                "-o", "harness.elf", "harness.o");
        long ramMiB = Math.max(128, ((long) n * RECORD_BYTES >> 20) + 64);
        String out = exec(dir, 120, "qemu-system-riscv64", "-machine", "virt", "-bios", "none", "-nographic",
                "-m", ramMiB + "M", "-kernel", "harness.elf");

        Map<Integer, long[]> reported = new HashMap<>();
        long[] done = null;
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("t")) {
                fail(name + ": the harness trapped, mcause " + f[1] + " mepc " + f[2]);
            } else if (f[0].equals("m") && f.length == 4) {
                reported.put(Integer.parseUnsignedInt(f[1], 16),
                        new long[] {Long.parseUnsignedLong(f[2], 16), Long.parseUnsignedLong(f[3], 16)});
            } else if (f[0].equals("d") && f.length == 4) {
                done = new long[] {Long.parseUnsignedLong(f[1], 16), Long.parseUnsignedLong(f[2], 16),
                    Long.parseUnsignedLong(f[3], 16)};
            }
        }
        if (done == null) {
            fail(name + ": the harness did not finish; QEMU printed:\n" + tail(out));
        }
        if (done[0] != n) {
            fail(name + ": QEMU ran " + done[0] + " records of " + n);
        }
        long mismatches = done[1];
        if (mismatches <= MAX_REPORTS) {
            // Fold QEMU's results as the guest did: FloatUnit's where they agreed, the reported ones elsewhere.
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < n; i++) {
                long[] q = reported.get(i);
                long r = q != null ? q[0] : unitResult[i];
                long fl = q != null ? q[1] : unitFlags[i];
                h = (h ^ r) * 0x100000001b3L;
                h = (h ^ fl) * 0x100000001b3L;
            }
            if (h != done[2] || reported.size() != mismatches) {
                fail(name + ": harness checksum disagrees; the guest did not run the records as written");
            }
        }
        if (mismatches == 0) {
            // The records exist three times over (data, object, ELF); keep them only when something failed.
            for (String f : new String[] {"records.bin", "harness.o", "harness.elf"}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            return;
        }
        StringBuilder msg = new StringBuilder(name + ": FloatUnit disagrees with QEMU on " + mismatches + " of " + n
                + " vectors; the first ones:\n");
        reported.keySet().stream().sorted().limit(25).forEach(i -> msg.append(describe(vectors.get(i),
                reported.get(i)[0], (int) reported.get(i)[1], unitResult[i], unitFlags[i])).append('\n'));
        fail(msg.toString());
    }

    static String describe(Vector v, long qemu, int qemuFlags, long unit, int unitFlags) {
        StringBuilder s = new StringBuilder("  ").append(v.op().asm.substring(0, v.op().asm.indexOf(' ')));
        if (v.op().rounds) {
            s.append(' ').append(v.rm() < RM_NAMES.length ? RM_NAMES[v.rm()] : "rm" + v.rm());
        }
        s.append(" a=").append(operand(v.op(), v.a(), true));
        if (v.op().operands > 1) {
            s.append(" b=").append(operand(v.op(), v.b(), false));
        }
        if (v.op().operands > 2) {
            s.append(" c=").append(operand(v.op(), v.c(), false));
        }
        s.append("\n      expected (QEMU) ").append(result(v.op(), qemu)).append(" flags ").append(flags(qemuFlags));
        s.append("\n      actual (unit)   ").append(result(v.op(), unit)).append(" flags ").append(flags(unitFlags));
        return s.toString();
    }

    private static String operand(FpOp op, long reg, boolean first) {
        if (first && op.readsInteger()) {
            return String.format("0x%016x (%d)", reg, reg);
        }
        if (op.singleOperands()) {
            return String.format("0x%016x (%s)", reg, Float.intBitsToFloat(FloatUnit.unboxS(reg)));
        }
        return String.format("0x%016x (%s)", reg, Double.longBitsToDouble(reg));
    }

    private static String result(FpOp op, long reg) {
        if (op.writesInteger()) {
            return String.format("0x%016x (%d)", reg, reg);
        }
        boolean singleResult = op.asm.startsWith("fcvt.s.") || !op.asm.startsWith("fcvt.") && op.singleOperands();
        if (singleResult) {
            return String.format("0x%016x (%s)", reg, Float.intBitsToFloat((int) reg));
        }
        return String.format("0x%016x (%s)", reg, Double.longBitsToDouble(reg));
    }

    static String flags(int f) {
        StringBuilder s = new StringBuilder();
        String[] names = {"NX", "UF", "OF", "DZ", "NV"};
        for (int i = 4; i >= 0; i--) {
            if ((f & (1 << i)) != 0) {
                s.append(s.isEmpty() ? "" : "|").append(names[i]);
            }
        }
        return s.isEmpty() ? "-" : s.toString();
    }

    private static String tail(String out) {
        return out.length() > 2000 ? out.substring(out.length() - 2000) : out;
    }

    private static String exec(Path dir, int timeoutSeconds, String... command) throws IOException,
            InterruptedException {
        Path log = dir.resolve(command[0] + ".out");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed with exit code " + p.exitValue() + ":\n" + tail(out));
        }
        return out;
    }

    private static void requireTool(String tool, String debianPackage) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return;
            }
        }
        fail(tool + " is not installed; install the Debian package " + debianPackage);
    }
}
