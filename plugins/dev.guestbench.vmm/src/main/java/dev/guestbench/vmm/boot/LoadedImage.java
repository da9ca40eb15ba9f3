package dev.guestbench.vmm.boot;

/** Where an image landed in guest-physical memory and where it starts. */
public record LoadedImage(long entry, long lowest, long end) {
}
