package dev.guestbench.vmm.cpu;

/** Translates the basic block that starts at a slot of a decoded page (the cpu.jit package implements it). */
public interface BlockCompiler {

    /** The block starting at {@code slot}, or {@link CompiledBlock#NONE} if none can be made there. */
    CompiledBlock compile(DecodedPage page, int slot);
}
