package dev.guestbench.vmm.boot;

import dev.guestbench.isa.elf.ElfFile;
import dev.guestbench.isa.elf.ElfFormatException;
import dev.guestbench.isa.elf.ElfHeader;
import dev.guestbench.isa.elf.ElfProgramHeader;
import dev.guestbench.vmm.memory.GuestPhysicalMap;

/**
 * Puts a firmware, kernel or initrd image into guest RAM: an ELF executable at the physical addresses of
 * its loadable segments, anything else as raw bytes at a given address. Every byte must land in RAM.
 */
public final class ImageLoader {

    private static final byte[] ELF_MAGIC = { 0x7f, 'E', 'L', 'F' };

    private ImageLoader() {
    }

    /** Whether {@code bytes} start like an ELF file. */
    public static boolean isElf(byte[] bytes) {
        if (bytes.length < 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (bytes[i] != ELF_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Loads an ELF image at its segments' addresses, or raw bytes at {@code rawAddress}. */
    public static LoadedImage load(byte[] bytes, String name, long rawAddress, GuestPhysicalMap ram)
            throws BootException {
        return isElf(bytes) ? loadElf(bytes, name, ram) : loadRaw(bytes, name, rawAddress, ram);
    }

    /** Loads raw bytes at {@code address}; the entry is that address. */
    public static LoadedImage loadRaw(byte[] bytes, String name, long address, GuestPhysicalMap ram)
            throws BootException {
        if (bytes.length == 0) {
            throw new BootException(name + ": the file is empty");
        }
        if (!ram.isRam(address, bytes.length)) {
            throw new BootException(String.format("%s: %d bytes at 0x%x do not fit in RAM [0x%x, 0x%x)", name,
                    bytes.length, address, ram.base(), ram.base() + ram.size()));
        }
        ram.write(address, bytes, 0, bytes.length);
        return new LoadedImage(address, address, address + bytes.length);
    }

    /** Loads the PT_LOAD segments of an ELF64 RISC-V executable at their physical addresses. */
    public static LoadedImage loadElf(byte[] bytes, String name, GuestPhysicalMap ram) throws BootException {
        ElfFile elf;
        try {
            elf = ElfFile.parse(bytes, name);
        } catch (ElfFormatException e) {
            throw new BootException(name + ": " + e.getMessage(), e);
        }
        ElfHeader header = elf.header();
        if (header.type() != ElfHeader.ET_EXEC && header.type() != ElfHeader.ET_DYN) {
            throw new BootException(name + ": not an executable (an ELF of type " + header.type()
                    + "; link it first)");
        }
        long lowest = Long.MAX_VALUE;
        long end = 0;
        boolean any = false;
        // Check every segment before writing any, so a bad file changes nothing.
        for (ElfProgramHeader ph : elf.programHeaders()) {
            if (!ph.isLoad() || ph.memorySize() == 0) {
                continue;
            }
            if (ph.fileSize() > ph.memorySize()) {
                throw new BootException(String.format("%s: segment %d has more file bytes (%d) than memory bytes (%d)",
                        name, ph.index(), ph.fileSize(), ph.memorySize()));
            }
            if (!ram.isRam(ph.physicalAddress(), ph.memorySize())) {
                throw new BootException(String.format("%s: segment %d [0x%x, 0x%x) lies outside RAM [0x%x, 0x%x)", name,
                        ph.index(), ph.physicalAddress(), ph.physicalAddress() + ph.memorySize(), ram.base(),
                        ram.base() + ram.size()));
            }
            any = true;
            lowest = Math.min(lowest, ph.physicalAddress());
            end = Math.max(end, ph.physicalAddress() + ph.memorySize());
        }
        if (!any) {
            throw new BootException(name + ": the ELF file has no loadable segment");
        }
        for (ElfProgramHeader ph : elf.programHeaders()) {
            if (!ph.isLoad() || ph.memorySize() == 0) {
                continue;
            }
            byte[] contents = elf.contents(ph);
            ram.write(ph.physicalAddress(), contents, 0, (int) Math.min(contents.length, ph.fileSize()));
            long zeros = ph.memorySize() - ph.fileSize();
            if (zeros > 0) {
                ram.write(ph.physicalAddress() + ph.fileSize(), new byte[(int) zeros], 0, (int) zeros);
            }
        }
        return new LoadedImage(header.entry(), lowest, end);
    }
}
