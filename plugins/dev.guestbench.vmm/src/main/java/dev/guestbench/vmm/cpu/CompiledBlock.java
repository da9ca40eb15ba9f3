package dev.guestbench.vmm.cpu;

/**
 * A basic block of guest code translated to JVM bytecode. {@link #run} executes it against the hart's
 * registers and returns the pc to continue at, having set {@link Vcpu#jitRetired} to the instructions it
 * retired: all of them, or fewer when it stopped before an instruction the interpreter must do itself (a
 * load or store the TLB does not cover).
 */
public abstract class CompiledBlock {

    /** A slot from which no block can be made: the interpreter runs it (its length never fits a budget). */
    public static final CompiledBlock NONE = new CompiledBlock(Integer.MAX_VALUE) {
        @Override
        public long run(Vcpu cpu, long[] x, long pageBase) {
            throw new IllegalStateException("not a block");
        }
    };

    /** The most instructions one run retires. */
    public final int length;

    protected CompiledBlock(int length) {
        this.length = length;
    }

    /**
     * Runs the block in the page mapped at virtual address {@code pageBase}; returns the next pc and leaves the
     * retired count in {@code cpu.jitRetired}.
     */
    public abstract long run(Vcpu cpu, long[] x, long pageBase);
}
