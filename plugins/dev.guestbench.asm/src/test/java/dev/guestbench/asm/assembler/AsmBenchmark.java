package dev.guestbench.asm.assembler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The assembler's speed benchmark (run by hand through bench/asm/run, never as a timed test):
 * generates a 50,000-line kernel-like source (instructions, pseudo-instructions, local and global
 * labels, branches, calls, address loads, data and alignment) and times warm assembly + linking.
 */
public final class AsmBenchmark {
    private AsmBenchmark() {
    }

    /** A generated source of about {@code lines} lines. */
    static String source(int lines) {
        StringBuilder sb = new StringBuilder(lines * 24);
        sb.append("\t.text\n\t.globl _start\n_start:\n");
        int n = 4;
        int f = 0;
        while (n < lines - 200) {
            sb.append("func").append(f).append(":\n");
            sb.append("\taddi sp, sp, -32\n\tsd ra, 24(sp)\n\tsd s0, 16(sp)\n");
            sb.append("\tli t0, ").append(0x12345 * (f + 1)).append('\n');
            sb.append("\tla a0, data").append(f % 50).append('\n');
            sb.append("1:\tlw a1, 0(a0)\n\tadd a2, a1, t0\n\tslli a2, a2, 3\n\tsub a3, a2, a1\n");
            sb.append("\tbeqz a3, 2f\n\taddi a0, a0, 4\n\tbltu a0, t0, 1b\n");
            sb.append("2:\tcsrr t1, mstatus\n\tori t1, t1, 8\n\tcsrw mstatus, t1\n");
            sb.append("\tmul a4, a2, a3\n\tfadd.d fa0, fa1, fa2\n\tamoadd.w.aq a5, a4, (a0)\n");
            sb.append("\tcall func").append(f > 0 ? f - 1 : 0).append('\n');
            sb.append("\tld ra, 24(sp)\n\tld s0, 16(sp)\n\taddi sp, sp, 32\n\tret\n\t.align 2\n");
            n += 25;
            f++;
        }
        sb.append("\t.data\n");
        for (int i = 0; i < 50; i++) {
            sb.append("data").append(i).append(":\t.dword ").append(i).append(", func0\n");
            n++;
        }
        while (n++ < lines) {
            sb.append("\t.word 0x12345678\n");
        }
        return sb.toString();
    }

    /** Runs the benchmark: {@code [lines] [runs]}. */
    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String text = source(lines);
        long count = text.chars().filter(c -> c == '\n').count();
        List<SourceFile> src = List.of(new SourceFile("bench.s", text));
        Assembler asm = new Assembler(AssemblerOptions.defaults());
        for (int i = 0; i < 10; i++) {
            AssemblyResult r = asm.assemble(src);
            if (!r.ok()) {
                throw new IllegalStateException("benchmark source has errors: " + r.diagnostics().subList(0,
                        Math.min(5, r.diagnostics().size())));
            }
        }
        List<Double> ms = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            AssemblyResult r = asm.assemble(src);
            ms.add((System.nanoTime() - t0) / 1e6);
            size = r.elf().length;
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("assembled and linked %d lines (%d-byte ELF): median %.1f ms, min %.1f ms, max %.1f ms"
                + " over %d warm runs%n", count, size, sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1], runs);
        System.out.println("runs (ms): " + Arrays.toString(Arrays.stream(sorted).map(d -> Math.round(d * 10) / 10.0)
                .toArray()));
    }
}
