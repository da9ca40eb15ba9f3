package dev.guestbench.vmm.memory;

import java.util.ArrayList;
import java.util.List;

/** A hart-less MMU over a small guest RAM with hand-built Sv39 tables, for paging unit tests. */
final class PagingFixture implements MmuContext {

    static final long RAM = 0x8000_0000L;
    static final long ROOT = RAM + 0x1000;
    static final long SATP_SV39 = (8L << 60) | (ROOT >>> 12);

    final HostMemory host = new HostMemory(64L << 20);
    final GuestPhysicalMap ram = new GuestPhysicalMap(host, RAM, 8L << 20);
    final byte[] pmpcfg = new byte[16];
    final long[] pmpaddr = new long[16];
    final PagingEngine engine;
    final Mmu mmu;
    final List<String> exits = new ArrayList<>();
    long satp = SATP_SV39;
    long mstatus;
    private long nextTable = RAM + 0x2000;

    PagingFixture(PagingMode mode) {
        // PMP entry 0: NAPOT over everything, RWX for S and U.
        pmpcfg[0] = 0x1f;
        pmpaddr[0] = -1L >>> 10;
        engine = PagingEngine.create(mode, ram, host);
        mmu = new Mmu(ram, new Pmp(pmpcfg, pmpaddr), new CodeWatch() {
            @Override
            public boolean hasCode(long gpa) {
                return false;
            }

            @Override
            public void codeWritten(long gpa) {
            }
        }, engine);
        mmu.bind(this, () -> { });
    }

    /** Maps the 4 KiB page at {@code va} to {@code pa} with {@code flags} (V added), making tables as needed. */
    long map4k(long va, long pa, long flags) {
        long table = ROOT;
        for (int level = 2; level > 0; level--) {
            long address = table + ((va >>> (12 + 9 * level)) & 0x1ff) * 8;
            long pte = peek(address);
            if ((pte & Pte.V) == 0) {
                long next = nextTable;
                nextTable += 0x1000;
                pte = Pte.make(next >>> 12, Pte.V);
                poke(address, pte);
            }
            table = Pte.ppn(pte) << 12;
        }
        long address = table + ((va >>> 12) & 0x1ff) * 8;
        poke(address, Pte.make(pa >>> 12, flags | Pte.V));
        return address;
    }

    long peek(long gpa) {
        return Mmu.read(ram.page(gpa), (int) gpa & 0xfff, 8);
    }

    /** A write behind the MMU's back (the test's own setup, like a loader). */
    void poke(long gpa, long value) {
        Mmu.write(ram.page(gpa), (int) gpa & 0xfff, 8, value);
    }

    @Override
    public int hartId() {
        return 0;
    }

    @Override
    public long satp() {
        return satp;
    }

    @Override
    public long mstatus() {
        return mstatus;
    }

    @Override
    public void pagingExit(PagingExit kind, long va, long detail) {
        exits.add(kind + "@" + Long.toHexString(va));
    }
}
