package dev.guestbench.vmm.sbi;

/** The SBI's standard error codes, returned in a0. */
final class SbiError {
    static final long SUCCESS = 0;
    static final long FAILED = -1;
    static final long NOT_SUPPORTED = -2;
    static final long INVALID_PARAM = -3;
    static final long DENIED = -4;
    static final long INVALID_ADDRESS = -5;
    static final long ALREADY_AVAILABLE = -6;
    static final long ALREADY_STARTED = -7;
    static final long ALREADY_STOPPED = -8;

    private SbiError() {
    }
}
