package dev.guestbench.asm.assembler.elf;

import dev.guestbench.asm.assembler.LineEntry;
import dev.guestbench.asm.assembler.link.OutputSection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an ELF64 little-endian RISC-V executable: one PT_LOAD per allocated section, the section
 * contents, .symtab/.strtab, a DWARF .debug_line table and the section header table.
 */
public final class ElfWriter {
    private static final int SHT_PROGBITS = 1;
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_STRTAB = 3;
    private static final int SHT_NOBITS = 8;

    /** A symbol to write. */
    public record ElfSymbol(String name, long value, long size, boolean global, int type, String section) {
    }

    private record Sec(String name, int type, long flags, long address, byte[] data, long size, int link, int info,
            long align, long entsize) {
    }

    private ElfWriter() {
    }

    /** The executable's bytes. {@code eflags} is the e_flags word (RVC, float ABI). */
    public static byte[] write(List<OutputSection> outputs, List<ElfSymbol> symbols, List<LineEntry> lines,
            long entry, int eflags) {
        List<Sec> secs = new ArrayList<>();
        secs.add(new Sec("", 0, 0, 0, new byte[0], 0, 0, 0, 0, 0));
        List<OutputSection> loaded = new ArrayList<>();
        for (OutputSection o : outputs) {
            if (o.size == 0) {
                continue;
            }
            long flags = 2 | (o.writable ? 1 : 0) | (o.code ? 4 : 0);
            secs.add(new Sec(o.name, o.nobits ? SHT_NOBITS : SHT_PROGBITS, flags, o.address,
                    o.nobits ? new byte[0] : o.bytes, o.size, 0, 0, o.alignment, 0));
            loaded.add(o);
        }
        int firstDebug = secs.size();
        secs.add(new Sec(".debug_line", SHT_PROGBITS, 0, 0, DebugLine.build(lines, outputs), -1, 0, 0, 1, 0));
        // Symbol table: null, locals, then globals.
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        ByteArrayOutputStream symtab = new ByteArrayOutputStream();
        symtab.writeBytes(new byte[24]);
        int locals = 1;
        for (boolean global : new boolean[] {false, true}) {
            for (ElfSymbol s : symbols) {
                if (s.global() != global) {
                    continue;
                }
                int nameOff = strtab.size();
                strtab.writeBytes(s.name().getBytes(StandardCharsets.UTF_8));
                strtab.write(0);
                int shndx = 0xfff1; // SHN_ABS
                for (int i = 1; i < firstDebug; i++) {
                    if (secs.get(i).name().equals(s.section())) {
                        shndx = i;
                    }
                }
                le(symtab, nameOff, 4);
                symtab.write((global ? 1 : 0) << 4 | s.type());
                symtab.write(0);
                le(symtab, shndx, 2);
                le(symtab, s.value(), 8);
                le(symtab, s.size(), 8);
                if (!global) {
                    locals++;
                }
            }
        }
        int symIndex = secs.size();
        secs.add(new Sec(".symtab", SHT_SYMTAB, 0, 0, symtab.toByteArray(), -1, symIndex + 1, locals, 8, 24));
        secs.add(new Sec(".strtab", SHT_STRTAB, 0, 0, strtab.toByteArray(), -1, 0, 0, 1, 0));
        ByteArrayOutputStream shstr = new ByteArrayOutputStream();
        shstr.write(0);
        int[] nameOffsets = new int[secs.size() + 1];
        for (int i = 1; i < secs.size(); i++) {
            nameOffsets[i] = shstr.size();
            shstr.writeBytes(secs.get(i).name().getBytes(StandardCharsets.UTF_8));
            shstr.write(0);
        }
        nameOffsets[secs.size()] = shstr.size();
        shstr.writeBytes(".shstrtab\0".getBytes(StandardCharsets.UTF_8));
        secs.add(new Sec(".shstrtab", SHT_STRTAB, 0, 0, shstr.toByteArray(), -1, 0, 0, 1, 0));

        // File layout: header, program headers, section data, section headers.
        int phnum = loaded.size();
        long off = 64 + 56L * phnum;
        long[] offsets = new long[secs.size()];
        for (int i = 1; i < secs.size(); i++) {
            Sec s = secs.get(i);
            if (s.flags() != 0) {
                // Keep file offset and address congruent modulo the page size, as loaders expect.
                long want = s.address() & 0xfff;
                off = (off & ~0xfffL) + want + ((off & 0xfff) > want ? 0x1000 : 0);
            } else {
                off = (off + 7) & ~7L;
            }
            offsets[i] = off;
            if (s.type() != SHT_NOBITS) {
                off += s.data().length;
            }
        }
        long shoff = (off + 7) & ~7L;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        le(out, 2, 2); // ET_EXEC
        le(out, 243, 2); // EM_RISCV
        le(out, 1, 4);
        le(out, entry, 8);
        le(out, 64, 8);
        le(out, shoff, 8);
        le(out, eflags, 4);
        le(out, 64, 2);
        le(out, 56, 2);
        le(out, phnum, 2);
        le(out, 64, 2);
        le(out, secs.size(), 2);
        le(out, secs.size() - 1, 2);
        for (int i = 1; i <= loaded.size(); i++) {
            Sec s = secs.get(i);
            le(out, 1, 4); // PT_LOAD
            le(out, 4 | ((s.flags() & 1) != 0 ? 2 : 0) | ((s.flags() & 4) != 0 ? 1 : 0), 4);
            le(out, offsets[i], 8);
            le(out, s.address(), 8);
            le(out, s.address(), 8);
            le(out, s.type() == SHT_NOBITS ? 0 : s.data().length, 8);
            le(out, s.size(), 8);
            le(out, 0x1000, 8);
        }
        for (int i = 1; i < secs.size(); i++) {
            Sec s = secs.get(i);
            while (out.size() < offsets[i]) {
                out.write(0);
            }
            if (s.type() != SHT_NOBITS) {
                out.writeBytes(s.data());
            }
        }
        while (out.size() < shoff) {
            out.write(0);
        }
        for (int i = 0; i < secs.size(); i++) {
            Sec s = secs.get(i);
            le(out, i == 0 ? 0 : nameOffsets[i], 4);
            le(out, s.type(), 4);
            le(out, s.flags(), 8);
            le(out, s.address(), 8);
            le(out, i == 0 ? 0 : offsets[i], 8);
            le(out, s.size() >= 0 ? s.size() : s.data().length, 8);
            le(out, s.link(), 4);
            le(out, s.info(), 4);
            le(out, s.align(), 8);
            le(out, s.entsize(), 8);
        }
        return out.toByteArray();
    }

    static void le(ByteArrayOutputStream out, long v, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }
}
