package dev.guestbench.vmm.cpu;

/**
 * A basic block of guest code translated to JVM bytecode. {@link #run} executes it against the hart's
 * registers and returns the pc to continue at, having set {@link Vcpu#jitRetired} to the instructions it
 * retired: all of them, or (negated) those up to and including a load or store whose slow path ended the
 * block (a trap, a device access, a store to code).
 */
public abstract class CompiledBlock {

    /** A slot from which no block can be made: the interpreter runs it (its length never fits a budget). */
    public static final CompiledBlock NONE = new CompiledBlock(Integer.MAX_VALUE) {
        @Override
        public long run(Vcpu cpu, long[] x, long pageBase, long retired) {
            throw new IllegalStateException("not a block");
        }
    };

    /** The most instructions one run retires. */
    public final int length;

    protected CompiledBlock(int length) {
        this.length = length;
    }

    /**
     * Runs the block in the page mapped at virtual address {@code pageBase}, the hart having retired
     * {@code retired} instructions; returns the next pc and leaves the count it retired in
     * {@code cpu.jitRetired} (as {@code ~count} when a load or store's slow path ended it).
     */
    public abstract long run(Vcpu cpu, long[] x, long pageBase, long retired);
}
