package dev.guestbench.debug.core.model;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IMemoryBlock;

import dev.guestbench.debug.core.GuestDebug;

/**
 * A block of guest memory for the Memory view: guest-virtual (through vCPU 0's current translation) or
 * guest-physical. Bytes that do not translate or are not RAM read as zero.
 */
public final class GuestMemoryBlock extends GuestDebugElement implements IMemoryBlock {

    private final long start;
    private final long length;
    private final boolean physical;

    public GuestMemoryBlock(GuestDebugTarget target, long start, long length, boolean physical) {
        super(target);
        this.start = start;
        this.length = Math.min(length, 1 << 20);
        this.physical = physical;
    }

    /** Whether the addresses are guest-physical (else guest-virtual). */
    public boolean isPhysical() {
        return physical;
    }

    @Override
    public long getStartAddress() {
        return start;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public byte[] getBytes() throws DebugException {
        byte[] b = new byte[(int) length];
        var vm = guestTarget().debugger();
        if (physical) {
            // Byte by byte past RAM's edges would be slow; read the part inside RAM whole.
            long base = vm.vm().ram().base();
            long end = base + vm.vm().ram().size();
            long from = Math.max(start, base);
            long to = Math.min(start + length, end);
            if (from < to) {
                byte[] inside = vm.readPhysical(from, (int) (to - from));
                System.arraycopy(inside, 0, b, (int) (from - start), inside.length);
            }
        } else {
            int n = vm.readVirtual(0, start, b);
            if (n < b.length) {
                // Read on page by page past the fault: a later page may translate.
                for (long a = (start + n + 4096) & ~0xfffL; a < start + length; a += 4096) {
                    byte[] page = new byte[(int) Math.min(4096, start + length - a)];
                    int got = vm.readVirtual(0, a, page);
                    System.arraycopy(page, 0, b, (int) (a - start), got);
                }
            }
        }
        return b;
    }

    @Override
    public boolean supportsValueModification() {
        return true;
    }

    @Override
    public void setValue(long offset, byte[] bytes) throws DebugException {
        var vm = guestTarget().debugger();
        try {
            if (physical) {
                vm.writePhysical(start + offset, bytes);
            } else if (!vm.writeVirtual(0, start + offset, bytes)) {
                throw new IllegalArgumentException("the address does not translate to writable RAM");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
                    GuestDebug.PLUGIN_ID, String.format("cannot write memory at 0x%x: %s", start + offset,
                            e.getMessage()), e));
        }
        fireChangeEvent(DebugEvent.CONTENT);
    }
}
