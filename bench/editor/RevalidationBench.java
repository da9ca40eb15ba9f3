import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.google.inject.Injector;

import dev.guestbench.asm.ide.AsmIdeSetup;
import dev.guestbench.asm.ide.analysis.Analysis;
import dev.guestbench.asm.ide.editor.EditorSession;

/**
 * How long the editor takes to revalidate a 10,000-line file after a keystroke: what the reconciler does
 * each time typing pauses (parse, validate against the ISA table, highlight), timed after a JIT warm-up.
 * Run by bench/editor/run; not a test.
 */
public final class RevalidationBench {

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String text = kernel(lines);
        Injector injector = new AsmIdeSetup().createInjectorAndDoEMFRegistration();
        int problems = -1;
        List<Double> times = new ArrayList<>();
        StringBuilder doc = new StringBuilder(text);
        int where = doc.indexOf("addi    a0, a0, 1");
        for (int i = 0; i < warmup + runs; i++) {
            // A keystroke: type a digit into an immediate, then take it back on the next round.
            if (i % 2 == 0) {
                doc.insert(where + "addi    a0, a0, 1".length(), '2');
            } else {
                doc.deleteCharAt(where + "addi    a0, a0, 1".length());
            }
            String version = doc.toString();
            long start = System.nanoTime();
            EditorSession session = injector.getInstance(EditorSession.class).load("mem:/big.S", version, Map.of());
            Analysis analysis = session.analyse(() -> false);
            long ns = System.nanoTime() - start;
            problems = analysis.problems().size();
            if (i >= warmup) {
                times.add(ns / 1e6);
            }
        }
        Collections.sort(times);
        System.out.printf("revalidate %d lines (%d bytes) after a keystroke (parse, validate, highlight): median %.1f ms, p90 %.1f ms, max %.1f ms"
                + " over %d runs after %d warm-up runs; %d problems%n", lines, text.length(), times.get(times.size() / 2),
                times.get((int) (times.size() * 0.9)), times.get(times.size() - 1), runs, warmup, problems);
    }

    /** A kernel of about {@code lines} lines: functions with loads, stores, branches, CSR accesses, data. */
    static String kernel(int lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("# generated for the revalidation benchmark\n    .equ    UART0, 0x10000000\n    .text\n"
                + "    .globl  _start\n_start:\n    la      sp, stack_top\n");
        int n = 0;
        int written = 6;
        while (written < lines - 8) {
            sb.append("func").append(n).append(":\n")
                    .append("    addi    sp, sp, -16\n")
                    .append("    sd      ra, 8(sp)\n")
                    .append("    li      t0, UART0\n")
                    .append("1:  lbu     t1, 5(t0)           # line status\n")
                    .append("    andi    t1, t1, 0x20\n")
                    .append("    beqz    t1, 1b\n")
                    .append("    addi    a0, a0, 1\n")
                    .append("    csrr    t2, mstatus\n")
                    .append("    call    func").append(n == 0 ? 0 : n - 1).append('\n')
                    .append("    ld      ra, 8(sp)\n")
                    .append("    addi    sp, sp, 16\n")
                    .append("    ret\n");
            written += 13;
            n++;
        }
        sb.append("    .bss\n    .balign 16\n    .space  4096\nstack_top:\n");
        return sb.toString();
    }
}
