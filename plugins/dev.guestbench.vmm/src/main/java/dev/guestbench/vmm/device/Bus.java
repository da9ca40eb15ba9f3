package dev.guestbench.vmm.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The machine's MMIO bus: register blocks attached at guest-physical bases. The CPU looks an access up with
 * {@link #find(long, int)}, which allocates nothing and reports misses and straddles as negative codes (the
 * CPU turns them into access faults), then calls the device through {@link #read(int, long, int)} and
 * {@link #write(int, long, int, long)}. Devices are attached while the machine is built; lookups may run on
 * any thread.
 */
public final class Bus {

    /** {@link #find} result: no device decodes the address. */
    public static final int MISS = -1;
    /** {@link #find} result: the access starts in a device but runs past its end. */
    public static final int STRADDLE = -2;
    /** {@link #find} result: the width is not 1, 2, 4 or 8. */
    public static final int BAD_WIDTH = -3;

    /** An immutable snapshot of the attachments, swapped whole so that lookups need no lock. */
    private record Table(long[] bases, long[] sizes, MmioDevice[] devices) {
    }

    private volatile Table table = new Table(new long[0], new long[0], new MmioDevice[0]);

    /**
     * Attaches {@code device} at {@code base}; returns its index. Throws IllegalArgumentException if the
     * block is empty, wraps around the address space or overlaps a device already attached.
     */
    public synchronized int attach(long base, MmioDevice device) {
        long size = device.size();
        if (size <= 0 || Long.compareUnsigned(size - 1, ~base) > 0) {
            throw new IllegalArgumentException(device.name() + ": bad block at 0x" + Long.toHexString(base)
                    + " size 0x" + Long.toHexString(size));
        }
        Table t = table;
        int n = t.devices.length;
        for (int i = 0; i < n; i++) {
            if (overlaps(base, size, t.bases[i], t.sizes[i])) {
                throw new IllegalArgumentException(device.name() + " at 0x" + Long.toHexString(base)
                        + " overlaps " + t.devices[i].name() + " at 0x" + Long.toHexString(t.bases[i]));
            }
        }
        long[] bases = Arrays.copyOf(t.bases, n + 1);
        long[] sizes = Arrays.copyOf(t.sizes, n + 1);
        MmioDevice[] devices = Arrays.copyOf(t.devices, n + 1);
        bases[n] = base;
        sizes[n] = size;
        devices[n] = device;
        table = new Table(bases, sizes, devices);
        return n;
    }

    private static boolean overlaps(long base1, long size1, long base2, long size2) {
        // Unsigned: [b1, b1+s1) and [b2, b2+s2) overlap iff each starts before the other ends.
        return Long.compareUnsigned(base1 - base2, size2) < 0 || Long.compareUnsigned(base2 - base1, size1) < 0;
    }

    /**
     * The index of the device whose block holds all of {@code [address, address + width)}, or {@link #MISS},
     * {@link #STRADDLE} or {@link #BAD_WIDTH}. Never allocates.
     */
    public int find(long address, int width) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            return BAD_WIDTH;
        }
        Table t = table;
        long[] bases = t.bases;
        long[] sizes = t.sizes;
        for (int i = 0; i < bases.length; i++) {
            long offset = address - bases[i];
            if (Long.compareUnsigned(offset, sizes[i]) < 0) {
                return Long.compareUnsigned(offset + width, sizes[i]) <= 0 ? i : STRADDLE;
            }
        }
        return MISS;
    }

    /** The device holding {@code address}, or null; a convenience for the debugger and tests. */
    public MmioDevice find(long address) {
        int i = find(address, 1);
        return i >= 0 ? table.devices[i] : null;
    }

    /** Number of attached devices. */
    public int count() {
        return table.devices.length;
    }

    /** The device with index {@code index}. */
    public MmioDevice device(int index) {
        return table.devices[index];
    }

    /** Where device {@code index} is attached. */
    public long base(int index) {
        return table.bases[index];
    }

    /** A device and where it is attached. */
    public record Attachment(long base, long size, MmioDevice device) {
    }

    /** The attached devices in the order they were attached, for the debugger's device list. */
    public List<Attachment> attachments() {
        Table t = table;
        List<Attachment> list = new ArrayList<>(t.devices.length);
        for (int i = 0; i < t.devices.length; i++) {
            list.add(new Attachment(t.bases[i], t.sizes[i], t.devices[i]));
        }
        return list;
    }

    /** Reads through device {@code index} (from {@link #find(long, int)}) at absolute {@code address}. */
    public long read(int index, long address, int width) {
        Table t = table;
        return t.devices[index].read(address - t.bases[index], width);
    }

    /** Writes through device {@code index} (from {@link #find(long, int)}) at absolute {@code address}. */
    public void write(int index, long address, int width, long value) {
        Table t = table;
        t.devices[index].write(address - t.bases[index], width, value);
    }
}
