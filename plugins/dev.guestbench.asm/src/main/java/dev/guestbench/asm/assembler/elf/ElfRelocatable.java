package dev.guestbench.asm.assembler.elf;

import dev.guestbench.asm.assembler.emit.Section;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays out the bytes of an ELF64 RISC-V relocatable object (ET_REL) from prepared parts. */
final class ElfRelocatable {
    private ElfRelocatable() {
    }

    private record Sec(String name, int type, long flags, byte[] data, long size, int link, int info, long align,
            long entsize) {
    }

    static byte[] write(List<Section> sections, List<byte[]> data, Map<Section, List<long[]>> relocations,
            Map<Section, List<String>> relocSymbols, Map<String, Integer> symbolIndex, List<Object[]> symbols,
            int firstGlobal, int eflags, byte[] attributes) {
        List<Sec> secs = new ArrayList<>();
        secs.add(new Sec("", 0, 0, new byte[0], 0, 0, 0, 0, 0));
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            long flags = 2 | (s.writable ? 1 : 0) | (s.code ? 4 : 0);
            secs.add(new Sec(s.name, s.nobits ? 8 : 1, flags, s.nobits ? new byte[0] : data.get(i), s.asSize, 0, 0,
                    s.alignment, 0));
        }
        int symtabIndex = secs.size() + relocations.size() + 1;
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            List<long[]> rels = relocations.get(s);
            if (rels == null) {
                continue;
            }
            List<String> names = relocSymbols.get(s);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int k = 0; k < rels.size(); k++) {
                long[] r = rels.get(k);
                String name = names.get(k);
                long sym = name == null ? 0 : symbolIndex.get(name);
                ElfWriter.le(b, r[0], 8);
                ElfWriter.le(b, sym << 32 | r[1], 8);
                ElfWriter.le(b, r[3], 8);
            }
            secs.add(new Sec(".rela" + s.name, 4, 0x40, b.toByteArray(), -1, symtabIndex, i + 1, 8, 24));
        }
        secs.add(new Sec(".riscv.attributes", 0x70000003, 0, attributes, -1, 0, 0, 1, 0));
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        ByteArrayOutputStream symtab = new ByteArrayOutputStream();
        symtab.writeBytes(new byte[24]);
        for (Object[] s : symbols) {
            String name = ObjectWriter.displayName((String) s[0]);
            int off = 0;
            if (!name.isEmpty()) {
                off = strtab.size();
                strtab.writeBytes(ObjectWriter.utf8(name));
                strtab.write(0);
            }
            ElfWriter.le(symtab, off, 4);
            symtab.write((int) s[3] << 4 | (int) s[4]);
            symtab.write(0);
            ElfWriter.le(symtab, (int) s[2], 2);
            ElfWriter.le(symtab, (long) s[1], 8);
            ElfWriter.le(symtab, 0, 8);
        }
        secs.add(new Sec(".symtab", 2, 0, symtab.toByteArray(), -1, symtabIndex + 1, firstGlobal, 8, 24));
        secs.add(new Sec(".strtab", 3, 0, strtab.toByteArray(), -1, 0, 0, 1, 0));
        ByteArrayOutputStream shstr = new ByteArrayOutputStream();
        shstr.write(0);
        int[] names = new int[secs.size() + 1];
        for (int i = 1; i < secs.size(); i++) {
            names[i] = shstr.size();
            shstr.writeBytes(ObjectWriter.utf8(secs.get(i).name()));
            shstr.write(0);
        }
        names[secs.size()] = shstr.size();
        shstr.writeBytes(ObjectWriter.utf8(".shstrtab"));
        shstr.write(0);
        secs.add(new Sec(".shstrtab", 3, 0, shstr.toByteArray(), -1, 0, 0, 1, 0));

        long off = 64;
        long[] offsets = new long[secs.size()];
        for (int i = 1; i < secs.size(); i++) {
            Sec s = secs.get(i);
            long a = Math.max(1, s.align());
            off = (off + a - 1) / a * a;
            offsets[i] = off;
            if (s.type() != 8) {
                off += s.data().length;
            }
        }
        long shoff = (off + 7) & ~7L;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        ElfWriter.le(out, 1, 2); // ET_REL
        ElfWriter.le(out, 243, 2);
        ElfWriter.le(out, 1, 4);
        ElfWriter.le(out, 0, 8);
        ElfWriter.le(out, 0, 8);
        ElfWriter.le(out, shoff, 8);
        ElfWriter.le(out, eflags, 4);
        ElfWriter.le(out, 64, 2);
        ElfWriter.le(out, 0, 2);
        ElfWriter.le(out, 0, 2);
        ElfWriter.le(out, 64, 2);
        ElfWriter.le(out, secs.size(), 2);
        ElfWriter.le(out, secs.size() - 1, 2);
        for (int i = 1; i < secs.size(); i++) {
            while (out.size() < offsets[i]) {
                out.write(0);
            }
            if (secs.get(i).type() != 8) {
                out.writeBytes(secs.get(i).data());
            }
        }
        while (out.size() < shoff) {
            out.write(0);
        }
        for (int i = 0; i < secs.size(); i++) {
            Sec s = secs.get(i);
            ElfWriter.le(out, i == 0 ? 0 : names[i], 4);
            ElfWriter.le(out, s.type(), 4);
            ElfWriter.le(out, s.flags(), 8);
            ElfWriter.le(out, 0, 8);
            ElfWriter.le(out, i == 0 ? 0 : offsets[i], 8);
            ElfWriter.le(out, s.size() >= 0 ? s.size() : s.data().length, 8);
            ElfWriter.le(out, s.link(), 4);
            ElfWriter.le(out, s.info(), 4);
            ElfWriter.le(out, s.align(), 8);
            ElfWriter.le(out, s.entsize(), 8);
        }
        return out.toByteArray();
    }
}
