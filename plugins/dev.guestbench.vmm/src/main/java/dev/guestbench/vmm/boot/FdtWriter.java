package dev.guestbench.vmm.boot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a flattened device tree blob (devicetree specification, version 17, last compatible version 16):
 * header, memory reservation block, structure block and strings block, in that order, each aligned as the
 * specification asks and every number big-endian. Nodes and properties are emitted in call order; property
 * names are shared in the strings block.
 */
public final class FdtWriter {

    /** The FDT magic number. */
    public static final int MAGIC = 0xd00d_feed;
    /** The version written. */
    public static final int VERSION = 17;
    /** The oldest version a reader must understand to read our blob. */
    public static final int LAST_COMPATIBLE_VERSION = 16;

    static final int FDT_BEGIN_NODE = 1;
    static final int FDT_END_NODE = 2;
    static final int FDT_PROP = 3;
    static final int FDT_END = 9;

    private static final int HEADER_SIZE = 40;

    private final ByteArrayOutputStream structure = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final Map<String, Integer> stringOffsets = new HashMap<>();
    private final ByteArrayOutputStream reservations = new ByteArrayOutputStream();
    private int depth;
    private boolean finished;

    /** Reserves {@code [address, address + size)} in the memory reservation block. */
    public FdtWriter reserve(long address, long size) {
        writeLong(reservations, address);
        writeLong(reservations, size);
        return this;
    }

    /** Opens a node; the root is "" and its children follow before {@link #endNode()}. */
    public FdtWriter beginNode(String name) {
        checkOpen();
        if (depth == 0 && !name.isEmpty()) {
            throw new IllegalStateException("the first node must be the root, named \"\"");
        }
        if (name.indexOf('\0') >= 0 || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("bad node name " + name);
        }
        writeInt(structure, FDT_BEGIN_NODE);
        writeBytes(structure, (name + '\0').getBytes(StandardCharsets.US_ASCII));
        pad(structure);
        depth++;
        return this;
    }

    /** Closes the innermost open node. */
    public FdtWriter endNode() {
        checkOpen();
        if (depth == 0) {
            throw new IllegalStateException("no node is open");
        }
        writeInt(structure, FDT_END_NODE);
        depth--;
        return this;
    }

    /** A property with a raw value (empty for a boolean property). */
    public FdtWriter property(String name, byte[] value) {
        checkOpen();
        if (depth == 0) {
            throw new IllegalStateException("property " + name + " outside any node");
        }
        writeInt(structure, FDT_PROP);
        writeInt(structure, value.length);
        writeInt(structure, stringOffset(name));
        writeBytes(structure, value);
        pad(structure);
        return this;
    }

    /** A property with no value ("interrupt-controller;"). */
    public FdtWriter property(String name) {
        return property(name, new byte[0]);
    }

    /** A property of 32-bit cells. */
    public FdtWriter cells(String name, int... cells) {
        ByteArrayOutputStream value = new ByteArrayOutputStream(cells.length * 4);
        for (int c : cells) {
            writeInt(value, c);
        }
        return property(name, value.toByteArray());
    }

    /** A property of 64-bit numbers, each as two cells (high first). */
    public FdtWriter u64(String name, long... numbers) {
        ByteArrayOutputStream value = new ByteArrayOutputStream(numbers.length * 8);
        for (long n : numbers) {
            writeLong(value, n);
        }
        return property(name, value.toByteArray());
    }

    /** A property holding one or more NUL-terminated strings (a stringlist when several). */
    public FdtWriter strings(String name, String... values) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (String s : values) {
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL inside string property " + name);
            }
            writeBytes(value, (s + '\0').getBytes(StandardCharsets.UTF_8));
        }
        return property(name, value.toByteArray());
    }

    /** Closes the tree and returns the blob, with {@code bootCpu} as the header's boot_cpuid_phys. */
    public byte[] finish(int bootCpu) {
        checkOpen();
        if (depth != 0) {
            throw new IllegalStateException(depth + " node(s) still open");
        }
        finished = true;
        writeInt(structure, FDT_END);

        // The reservation block must be 8-byte aligned; the header is 40 bytes, so it starts at 40.
        int rsvOffset = HEADER_SIZE;
        int rsvSize = reservations.size() + 16; // entries plus the terminating {0, 0}
        int structOffset = rsvOffset + rsvSize;
        int structSize = structure.size();
        int stringsOffset = structOffset + structSize;
        int stringsSize = strings.size();
        int total = stringsOffset + stringsSize;

        ByteArrayOutputStream blob = new ByteArrayOutputStream(total);
        writeInt(blob, MAGIC);
        writeInt(blob, total);
        writeInt(blob, structOffset);
        writeInt(blob, stringsOffset);
        writeInt(blob, rsvOffset);
        writeInt(blob, VERSION);
        writeInt(blob, LAST_COMPATIBLE_VERSION);
        writeInt(blob, bootCpu);
        writeInt(blob, stringsSize);
        writeInt(blob, structSize);
        writeBytes(blob, reservations.toByteArray());
        writeLong(blob, 0);
        writeLong(blob, 0);
        writeBytes(blob, structure.toByteArray());
        writeBytes(blob, strings.toByteArray());
        return blob.toByteArray();
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the blob is already finished");
        }
    }

    private int stringOffset(String name) {
        return stringOffsets.computeIfAbsent(name, n -> {
            int offset = strings.size();
            writeBytes(strings, (n + '\0').getBytes(StandardCharsets.US_ASCII));
            return offset;
        });
    }

    private static void pad(ByteArrayOutputStream out) {
        while ((out.size() & 3) != 0) {
            out.write(0);
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        writeInt(out, (int) (v >>> 32));
        writeInt(out, (int) v);
    }
}
