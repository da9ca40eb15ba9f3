package dev.guestbench.asm.assembler.emit;

import dev.guestbench.asm.assembler.source.SourceLine;
import java.util.ArrayList;
import java.util.List;

/** A section of one object file as GNU as builds it: a list of pieces, flags and alignment. */
public final class Section {
    public final String name;
    public final int fileIndex;
    public final boolean code;
    public final boolean writable;
    public final boolean nobits;
    /** Alignment in bytes (a power of two). */
    public int alignment = 1;
    public final List<Frag> frags = new ArrayList<>();
    /** Size as GNU as writes it (rounded up to the alignment), and final size after linking. */
    public long asSize;
    public long size;
    public long address;

    /** A section with its flags. */
    public Section(String name, int fileIndex, boolean code, boolean writable, boolean nobits) {
        this.name = name;
        this.fileIndex = fileIndex;
        this.code = code;
        this.writable = writable;
        this.nobits = nobits;
        frags.add(new Frag(Frag.Kind.DATA, this, null));
    }

    /** The DATA piece bytes are appended to (opens one after a variable piece). */
    public Frag data() {
        Frag last = frags.get(frags.size() - 1);
        if (last.kind != Frag.Kind.DATA) {
            last = new Frag(Frag.Kind.DATA, this, null);
            frags.add(last);
        }
        return last;
    }

    /** Adds a variable piece and returns it. */
    public Frag add(Frag.Kind kind, SourceLine line) {
        Frag f = new Frag(kind, this, line);
        frags.add(f);
        return f;
    }

    /** Raises the alignment. */
    public void alignAtLeast(int bytes) {
        alignment = Math.max(alignment, bytes);
    }

    @Override
    public String toString() {
        return name;
    }
}
