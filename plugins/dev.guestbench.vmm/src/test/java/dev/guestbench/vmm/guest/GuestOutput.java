package dev.guestbench.vmm.guest;

import java.util.Arrays;
import java.util.List;

/** What one run of a guest produced: its exit status, its UART output and the runner's own messages. */
public record GuestOutput(int status, String uart, String messages) {

    /** The UART output as lines. */
    public List<String> lines() {
        return Arrays.asList(uart.split("\n", -1));
    }

    /** The last {@code n} lines of UART output, for failure messages. */
    public String tail(int n) {
        List<String> l = lines();
        return String.join("\n", l.subList(Math.max(0, l.size() - n), l.size()));
    }
}
