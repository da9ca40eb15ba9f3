package dev.guestbench.debug.core.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.IMemoryBlockRetrieval;
import org.eclipse.debug.core.model.MemoryByte;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.vmm.debug.VmDebugger;

/**
 * A block of guest memory for the Memory view: guest-virtual (through one vCPU's current translation and
 * data privilege) or guest-physical. The block is unbounded (the view scrolls through the whole address
 * space); bytes that do not translate or are not RAM come back unreadable, which the view shows as such.
 * Writes go through the same vCPU's translation, or to RAM directly, while the VM is suspended.
 */
public final class GuestMemoryBlock extends GuestDebugElement implements IMemoryBlockExtension {

    /** What {@link #getBytes} returns at most (the old-style, fixed-length API). */
    private static final int MAX_LENGTH = 1 << 20;
    private static final BigInteger ADDRESS_END = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String expression;
    private final long start;
    private final long length;
    private final boolean physical;
    private final int hart;
    private final List<Object> connections = new ArrayList<>();

    /** A block of {@code length} bytes at {@code start}, as vCPU 0 sees it (or guest-physical). */
    public GuestMemoryBlock(GuestDebugTarget target, long start, long length, boolean physical) {
        this(target, String.format("%s0x%x", physical ? "phys:" : "", start), start, length, physical, 0);
    }

    /** A block typed as {@code expression}, based at {@code start}, through vCPU {@code hart}'s translation. */
    public GuestMemoryBlock(GuestDebugTarget target, String expression, long start, long length, boolean physical,
            int hart) {
        super(target);
        this.expression = expression;
        this.start = start;
        this.length = Math.min(length, MAX_LENGTH);
        this.physical = physical;
        this.hart = hart;
    }

    /** Whether the addresses are guest-physical (else guest-virtual). */
    public boolean isPhysical() {
        return physical;
    }

    /** The vCPU whose translation a guest-virtual block reads through. */
    public int hart() {
        return hart;
    }

    // ---- reading and writing ----

    /**
     * {@code count} bytes from {@code address} (wrapping at the end of the address space is not done: what
     * lies past it is unreadable); {@code readable[i]} tells which could be read.
     */
    private byte[] read(long address, int count, boolean[] readable) {
        VmDebugger vm = guestTarget().debugger();
        byte[] b = new byte[count];
        int done = 0;
        while (done < count) {
            long a = address + done;
            if (Long.compareUnsigned(a, address) < 0) {
                break;
            }
            int n = (int) Math.min(count - done, 4096 - (a & 0xfff));
            int got;
            if (physical) {
                got = vm.vm().ram().isRam(a, n) ? n : 0;
                if (got > 0) {
                    System.arraycopy(vm.readPhysical(a, n), 0, b, done, n);
                }
            } else {
                byte[] page = new byte[n];
                got = vm.readVirtual(hart, a, page);
                System.arraycopy(page, 0, b, done, got);
            }
            for (int i = 0; i < got; i++) {
                readable[done + i] = true;
            }
            done += n;
        }
        return b;
    }

    private void write(long address, byte[] bytes) throws DebugException {
        VmDebugger vm = guestTarget().debugger();
        try {
            if (physical) {
                vm.writePhysical(address, bytes);
            } else if (!vm.writeVirtual(hart, address, bytes)) {
                throw new IllegalArgumentException("the address does not translate to writable RAM for vCPU " + hart);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DebugException(new Status(IStatus.ERROR, GuestDebug.PLUGIN_ID,
                    String.format("cannot write memory at %s0x%x: %s", physical ? "phys:" : "", address,
                            e.getMessage()), e));
        }
        fireChangeEvent(DebugEvent.CONTENT);
    }

    // ---- IMemoryBlock ----

    @Override
    public long getStartAddress() {
        return start;
    }

    @Override
    public long getLength() {
        return length;
    }

    /** The fixed-length view of the block; unreadable bytes read as zero there. */
    @Override
    public byte[] getBytes() {
        return read(start, (int) length, new boolean[(int) length]);
    }

    @Override
    public boolean supportsValueModification() {
        return true;
    }

    @Override
    public void setValue(long offset, byte[] bytes) throws DebugException {
        write(start + offset, bytes);
    }

    // ---- IMemoryBlockExtension ----

    @Override
    public String getExpression() {
        return expression;
    }

    @Override
    public BigInteger getBigBaseAddress() {
        return new BigInteger(Long.toUnsignedString(start));
    }

    @Override
    public BigInteger getMemoryBlockStartAddress() {
        return BigInteger.ZERO;
    }

    @Override
    public BigInteger getMemoryBlockEndAddress() {
        return ADDRESS_END;
    }

    @Override
    public BigInteger getBigLength() {
        return ADDRESS_END.add(BigInteger.ONE);
    }

    @Override
    public int getAddressSize() {
        return 8;
    }

    @Override
    public boolean supportBaseAddressModification() {
        return false;
    }

    @Override
    public boolean supportsChangeManagement() {
        return false;
    }

    @Override
    public void setBaseAddress(BigInteger address) throws DebugException {
        throw new DebugException(new Status(IStatus.ERROR, GuestDebug.PLUGIN_ID,
                "a guest memory block keeps its base address: add another block"));
    }

    @Override
    public MemoryByte[] getBytesFromOffset(BigInteger unitOffset, long addressableUnits) {
        return getBytesFromAddress(getBigBaseAddress().add(unitOffset), addressableUnits);
    }

    @Override
    public MemoryByte[] getBytesFromAddress(BigInteger address, long units) {
        int count = (int) Math.min(Math.max(units, 0), MAX_LENGTH);
        boolean[] readable = new boolean[count];
        byte[] b = read(address.longValue(), count, readable);
        MemoryByte[] bytes = new MemoryByte[count];
        for (int i = 0; i < count; i++) {
            // RISC-V is little-endian; unreadable bytes carry no READABLE flag, which the renderings show.
            byte flags = MemoryByte.ENDIANESS_KNOWN;
            if (readable[i]) {
                flags |= MemoryByte.READABLE | MemoryByte.WRITABLE;
            }
            bytes[i] = new MemoryByte(b[i], flags);
        }
        return bytes;
    }

    @Override
    public void setValue(BigInteger offset, byte[] bytes) throws DebugException {
        write(start + offset.longValue(), bytes);
    }

    @Override
    public synchronized void connect(Object client) {
        if (!connections.contains(client)) {
            connections.add(client);
        }
    }

    @Override
    public synchronized void disconnect(Object client) {
        connections.remove(client);
    }

    @Override
    public synchronized Object[] getConnections() {
        return connections.toArray();
    }

    @Override
    public void dispose() {
        synchronized (this) {
            connections.clear();
        }
    }

    @Override
    public IMemoryBlockRetrieval getMemoryBlockRetrieval() {
        return guestTarget();
    }

    @Override
    public int getAddressableSize() {
        return 1;
    }
}
