package dev.guestbench.vmm.cpu.jit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads and writes of guest RAM frames, called by translated blocks (the JIT inlines them). */
public final class JitMemory {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private JitMemory() {
    }

    public static long lb(byte[] page, int offset) {
        return page[offset];
    }

    public static long lbu(byte[] page, int offset) {
        return page[offset] & 0xffL;
    }

    public static long lh(byte[] page, int offset) {
        return (short) SHORT.get(page, offset);
    }

    public static long lhu(byte[] page, int offset) {
        return (short) SHORT.get(page, offset) & 0xffffL;
    }

    public static long lw(byte[] page, int offset) {
        return (int) INT.get(page, offset);
    }

    public static long lwu(byte[] page, int offset) {
        return (int) INT.get(page, offset) & 0xffff_ffffL;
    }

    public static long ld(byte[] page, int offset) {
        return (long) LONG.get(page, offset);
    }

    public static void sb(byte[] page, int offset, long value) {
        page[offset] = (byte) value;
    }

    public static void sh(byte[] page, int offset, long value) {
        SHORT.set(page, offset, (short) value);
    }

    public static void sw(byte[] page, int offset, long value) {
        INT.set(page, offset, (int) value);
    }

    public static void sd(byte[] page, int offset, long value) {
        LONG.set(page, offset, value);
    }
}
