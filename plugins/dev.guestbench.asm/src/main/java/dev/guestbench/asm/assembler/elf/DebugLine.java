package dev.guestbench.asm.assembler.elf;

import dev.guestbench.asm.assembler.LineEntry;
import dev.guestbench.asm.assembler.link.OutputSection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a DWARF version 3 .debug_line section: one sequence per output section with code. */
final class DebugLine {
    private DebugLine() {
    }

    static byte[] build(List<LineEntry> lines, List<OutputSection> outputs) {
        Map<String, Integer> files = new LinkedHashMap<>();
        for (LineEntry e : lines) {
            files.putIfAbsent(e.path(), files.size() + 1);
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(1); // minimum instruction length
        header.write(1); // default is_stmt
        header.write(-5 & 0xff); // line base
        header.write(14); // line range
        header.write(13); // opcode base
        header.writeBytes(new byte[] {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1});
        header.write(0); // no include directories
        for (String f : files.keySet()) {
            header.writeBytes(f.getBytes(StandardCharsets.UTF_8));
            header.write(0);
            header.write(0);
            header.write(0);
            header.write(0);
        }
        header.write(0);
        ByteArrayOutputStream prog = new ByteArrayOutputStream();
        for (OutputSection o : outputs) {
            if (!o.code || o.size == 0) {
                continue;
            }
            List<LineEntry> rows = new ArrayList<>();
            for (LineEntry e : lines) {
                if (e.address() >= o.address && e.address() < o.address + o.size) {
                    rows.add(e);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            prog.write(0);
            uleb(prog, 9);
            prog.write(2); // DW_LNE_set_address
            ElfWriter.le(prog, rows.get(0).address(), 8);
            long addr = rows.get(0).address();
            long line = 1;
            int file = 1;
            for (LineEntry e : rows) {
                int f = files.get(e.path());
                if (f != file) {
                    prog.write(4); // DW_LNS_set_file
                    uleb(prog, f);
                    file = f;
                }
                if (e.address() != addr) {
                    prog.write(2); // DW_LNS_advance_pc
                    uleb(prog, e.address() - addr);
                    addr = e.address();
                }
                if (e.line() != line) {
                    prog.write(3); // DW_LNS_advance_line
                    sleb(prog, e.line() - line);
                    line = e.line();
                }
                prog.write(1); // DW_LNS_copy
            }
            long end = o.address + o.size;
            if (end > addr) {
                prog.write(2);
                uleb(prog, end - addr);
            }
            prog.write(0);
            uleb(prog, 1);
            prog.write(1); // DW_LNE_end_sequence
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] h = header.toByteArray();
        byte[] p = prog.toByteArray();
        ElfWriter.le(out, 2 + 4 + h.length + p.length, 4);
        ElfWriter.le(out, 3, 2);
        ElfWriter.le(out, h.length, 4);
        out.writeBytes(h);
        out.writeBytes(p);
        return out.toByteArray();
    }

    private static void uleb(ByteArrayOutputStream out, long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    private static void sleb(ByteArrayOutputStream out, long v) {
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }
}
