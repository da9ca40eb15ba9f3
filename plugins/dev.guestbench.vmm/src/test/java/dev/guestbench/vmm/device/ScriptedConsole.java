package dev.guestbench.vmm.device;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/** A ConsoleIo whose input the test types in advance and whose output it reads back. */
final class ScriptedConsole implements ConsoleIo {

    private final ArrayDeque<Integer> input = new ArrayDeque<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    int reads;

    void type(String text) {
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            input.add(b & 0xff);
        }
    }

    int waiting() {
        return input.size();
    }

    String output() {
        return output.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void write(int b) {
        output.write(b);
    }

    @Override
    public int read() {
        reads++;
        Integer b = input.poll();
        return b == null ? -1 : b;
    }
}
