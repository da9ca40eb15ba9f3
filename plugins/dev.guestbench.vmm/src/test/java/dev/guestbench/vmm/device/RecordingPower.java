package dev.guestbench.vmm.device;

import java.util.ArrayList;
import java.util.List;

/** A PowerControl that lists the requests it got ("pass", "fail 3", "reset"). */
final class RecordingPower implements PowerControl {

    final List<String> events = new ArrayList<>();

    @Override
    public void pass() {
        events.add("pass");
    }

    @Override
    public void fail(int code) {
        events.add("fail " + code);
    }

    @Override
    public void reset() {
        events.add("reset");
    }
}
