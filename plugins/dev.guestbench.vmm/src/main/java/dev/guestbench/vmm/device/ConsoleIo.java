package dev.guestbench.vmm.device;

/** The other end of the UART: bytes the guest writes and bytes typed for it. */
public interface ConsoleIo {

    /** Takes one byte the guest transmitted. */
    void write(int b);

    /** The next byte typed for the guest, or -1 if none is waiting (never blocks). */
    int read();
}
