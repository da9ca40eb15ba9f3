package dev.guestbench.asm.assembler.link;

import dev.guestbench.asm.assembler.emit.Section;
import java.util.ArrayList;
import java.util.List;

/** A section of the linked executable and the input sections placed in it. */
public final class OutputSection {
    public final String name;
    public final List<Section> inputs = new ArrayList<>();
    public long address;
    public long size;
    public int alignment = 1;
    public boolean code;
    public boolean writable;
    public boolean nobits;
    /** With a linker script: input sections and assignments in the order the script gives. */
    public List<Object> plan;
    /** The contents after linking (null for NOBITS). */
    public byte[] bytes;

    OutputSection(String name) {
        this.name = name;
    }

    /** True if nothing was placed in it. */
    public boolean isEmpty() {
        return inputs.isEmpty();
    }
}
