package dev.guestbench.vmm.cpu;

import java.util.ArrayList;
import java.util.List;

import dev.guestbench.vmm.memory.CodeWatch;
import dev.guestbench.vmm.memory.GuestPhysicalMap;
import dev.guestbench.vmm.memory.Mmu;

/**
 * The decoded pages of one VM's RAM, shared by its harts. A page is decoded when code first runs from it;
 * a store to it drops the decoding (so code the guest writes runs as written, with or without FENCE.I).
 */
public final class DecodeCache implements CodeWatch {

    private final GuestPhysicalMap ram;
    private final DecodedPage[] pages;
    private final List<Mmu> mmus = new ArrayList<>();
    private final List<Vcpu> cpus = new ArrayList<>();
    private long decodedPages;
    private long invalidations;

    public DecodeCache(GuestPhysicalMap ram) {
        this.ram = ram;
        this.pages = new DecodedPage[(int) (ram.size() >>> 12)];
    }

    /** Registers a hart whose write TLB and fetch cache must hear of code pages. */
    void attach(Vcpu cpu, Mmu mmu) {
        cpus.add(cpu);
        mmus.add(mmu);
    }

    /** The decoded page at guest-physical {@code pa} (RAM), created on first use. */
    DecodedPage page(long pa, byte[] frame) {
        int index = (int) ((pa - ram.base()) >>> 12);
        DecodedPage page = pages[index];
        if (page == null) {
            page = new DecodedPage(pa & ~0xfffL, frame);
            pages[index] = page;
            decodedPages++;
            // Stores to this page must now take the slow path, which notices code changes.
            for (Mmu mmu : mmus) {
                mmu.flushWrites();
            }
        }
        return page;
    }

    @Override
    public boolean hasCode(long gpa) {
        long offset = gpa - ram.base();
        return offset >= 0 && offset < ram.size() && pages[(int) (offset >>> 12)] != null;
    }

    @Override
    public void codeWritten(long gpa) {
        int index = (int) ((gpa - ram.base()) >>> 12);
        DecodedPage page = pages[index];
        if (page != null) {
            page.valid = false;
            pages[index] = null;
            invalidations++;
            for (Vcpu cpu : cpus) {
                cpu.forgetFetchPage(page);
            }
        }
    }

    /** Pages decoded so far. */
    public long decodedPages() {
        return decodedPages;
    }

    /** Decodings dropped because the guest wrote to the page. */
    public long invalidations() {
        return invalidations;
    }
}
