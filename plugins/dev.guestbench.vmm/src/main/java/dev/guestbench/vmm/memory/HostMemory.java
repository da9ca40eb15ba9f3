package dev.guestbench.vmm.memory;

import java.util.ArrayDeque;

/**
 * The host's physical memory as the hypervisor hands it out: 4 KiB frames, numbered by host frame number.
 * Guests of every VM take their RAM from one HostMemory, frame by frame as they first touch it, so a
 * guest's memory is neither contiguous nor at zero in host-physical terms, and a large guest that touches
 * little costs little.
 */
public final class HostMemory {

    /** Frame size in bytes. */
    public static final int FRAME_SIZE = 4096;
    /** log2 of {@link #FRAME_SIZE}. */
    public static final int FRAME_SHIFT = 12;
    /** The first host frame number; frame 0 is never handed out, like real firmware-reserved memory. */
    private static final int FIRST_FRAME = 0x100;
    /** Frames are handed out in a scattered order: consecutive allocations land this many frames apart. */
    private static final int STRIDE = 0x2d;

    private final int capacity;
    private final byte[][] frames;
    private final ArrayDeque<Integer> released = new ArrayDeque<>();
    private int nextIndex;
    private int inUse;

    /** A host memory of at most {@code capacityBytes} (rounded down to whole frames). */
    public HostMemory(long capacityBytes) {
        long count = capacityBytes >>> FRAME_SHIFT;
        if (count < 1 || count > (Integer.MAX_VALUE - FIRST_FRAME)) {
            throw new IllegalArgumentException("host memory of " + capacityBytes + " bytes is out of range");
        }
        this.capacity = (int) count;
        this.frames = new byte[capacity][];
    }

    /**
     * Allocates a zeroed frame and returns its host frame number.
     *
     * @throws OutOfHostMemoryException when every frame is in use
     */
    public synchronized int allocate() {
        int index;
        if (!released.isEmpty()) {
            index = released.pop();
        } else {
            if (nextIndex >= capacity) {
                throw new OutOfHostMemoryException(capacity);
            }
            index = scatter(nextIndex++);
        }
        frames[index] = new byte[FRAME_SIZE];
        inUse++;
        return FIRST_FRAME + index;
    }

    /** Gives a frame back; its contents are forgotten. */
    public synchronized void release(int frameNumber) {
        int index = frameNumber - FIRST_FRAME;
        if (index < 0 || index >= capacity || frames[index] == null) {
            throw new IllegalArgumentException("frame " + frameNumber + " is not allocated");
        }
        frames[index] = null;
        released.push(index);
        inUse--;
    }

    /** The bytes of an allocated frame. */
    public byte[] frame(int frameNumber) {
        byte[] f = frames[frameNumber - FIRST_FRAME];
        if (f == null) {
            throw new IllegalArgumentException("frame " + frameNumber + " is not allocated");
        }
        return f;
    }

    /** Number of frames in use. */
    public synchronized int framesInUse() {
        return inUse;
    }

    /** Number of frames this memory can hand out. */
    public int capacityFrames() {
        return capacity;
    }

    /**
     * Maps allocation order to frame index: a permutation of 0..capacity-1 (STRIDE is odd and capacity is
     * handled by walking cycles), so frames of one guest are spread over the host.
     */
    private int scatter(int n) {
        // Blocks of STRIDE*STRIDE frames are filled column by column; the tail past the last whole block
        // is taken in order. Every index is produced exactly once.
        int block = STRIDE * STRIDE;
        int whole = capacity / block * block;
        if (n >= whole) {
            return n;
        }
        int base = n / block * block;
        int r = n % block;
        return base + (r % STRIDE) * STRIDE + r / STRIDE;
    }
}
