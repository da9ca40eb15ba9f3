package dev.guestbench.vmm.memory;

import dev.guestbench.vmm.boot.VirtLayout;

/**
 * One VM's guest-physical RAM: the range [RAM base, RAM base + size) mapped page by page onto host frames,
 * allocated on first touch. Everything that reaches guest RAM (the CPU, the loader, the debugger, DMA) goes
 * through here, so nothing can touch memory outside the VM's own map.
 */
public final class GuestPhysicalMap {

    private final HostMemory host;
    private final long base;
    private final long size;
    private final int[] frameNumbers;
    private final byte[][] pages;

    /** RAM of {@code size} bytes at the virt board's RAM base. */
    public GuestPhysicalMap(HostMemory host, long size) {
        this(host, VirtLayout.RAM_BASE, size);
    }

    /** RAM of {@code size} bytes (whole pages) at {@code base}. */
    public GuestPhysicalMap(HostMemory host, long base, long size) {
        if ((base & 0xfff) != 0 || (size & 0xfff) != 0 || size <= 0 || (size >>> 12) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("RAM must be whole pages: base " + Long.toHexString(base) + " size "
                    + size);
        }
        this.host = host;
        this.base = base;
        this.size = size;
        int count = (int) (size >>> 12);
        this.frameNumbers = new int[count];
        this.pages = new byte[count][];
    }

    /** First guest-physical address of RAM. */
    public long base() {
        return base;
    }

    /** RAM size in bytes. */
    public long size() {
        return size;
    }

    /** Whether {@code [gpa, gpa + length)} lies entirely in RAM. */
    public boolean isRam(long gpa, long length) {
        long offset = gpa - base;
        return offset >= 0 && length >= 0 && offset <= size - length;
    }

    /**
     * The host frame holding the page of {@code gpa}, allocated (zeroed) on first touch; null if
     * {@code gpa} is not RAM.
     */
    public byte[] page(long gpa) {
        long offset = gpa - base;
        if (offset < 0 || offset >= size) {
            return null;
        }
        int index = (int) (offset >>> 12);
        byte[] page = pages[index];
        if (page == null) {
            page = touch(index);
        }
        return page;
    }

    private synchronized byte[] touch(int index) {
        byte[] page = pages[index];
        if (page == null) {
            int frame = host.allocate();
            frameNumbers[index] = frame;
            page = host.frame(frame);
            pages[index] = page;
        }
        return page;
    }

    /** The host frame number behind {@code gpa}'s page, or -1 if the page is not RAM or never touched. */
    public int frameNumber(long gpa) {
        long offset = gpa - base;
        if (offset < 0 || offset >= size) {
            return -1;
        }
        int index = (int) (offset >>> 12);
        return pages[index] == null ? -1 : frameNumbers[index];
    }

    /** Number of pages touched so far (host frames this VM uses for RAM). */
    public synchronized int pagesInUse() {
        int n = 0;
        for (byte[] p : pages) {
            if (p != null) {
                n++;
            }
        }
        return n;
    }

    /** Copies {@code bytes} into RAM at {@code gpa}. */
    public void write(long gpa, byte[] bytes, int from, int length) {
        if (!isRam(gpa, length)) {
            throw new IllegalArgumentException(String.format("[0x%x, 0x%x) is not inside RAM [0x%x, 0x%x)", gpa,
                    gpa + length, base, base + size));
        }
        int done = 0;
        while (done < length) {
            long a = gpa + done;
            int offset = (int) (a & 0xfff);
            int n = Math.min(length - done, 4096 - offset);
            System.arraycopy(bytes, from + done, page(a), offset, n);
            done += n;
        }
    }

    /** Copies RAM at {@code gpa} into {@code bytes}; pages never touched read as zero without being allocated. */
    public void read(long gpa, byte[] bytes, int from, int length) {
        if (!isRam(gpa, length)) {
            throw new IllegalArgumentException(String.format("[0x%x, 0x%x) is not inside RAM", gpa, gpa + length));
        }
        int done = 0;
        while (done < length) {
            long a = gpa + done;
            int offset = (int) (a & 0xfff);
            int n = Math.min(length - done, 4096 - offset);
            byte[] page = pages[(int) ((a - base) >>> 12)];
            if (page == null) {
                java.util.Arrays.fill(bytes, from + done, from + done + n, (byte) 0);
            } else {
                System.arraycopy(page, offset, bytes, from + done, n);
            }
            done += n;
        }
    }

    /** Gives every touched frame back to the host (the VM is gone). */
    public synchronized void release() {
        for (int i = 0; i < pages.length; i++) {
            if (pages[i] != null) {
                host.release(frameNumbers[i]);
                pages[i] = null;
            }
        }
    }
}
