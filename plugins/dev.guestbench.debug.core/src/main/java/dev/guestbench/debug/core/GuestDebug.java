package dev.guestbench.debug.core;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/** The debugger's identifiers (bundle, debug model, launch type, breakpoint markers) and its error helper. */
public final class GuestDebug {

    /** This bundle. */
    public static final String PLUGIN_ID = "dev.guestbench.debug.core";
    /** The debug model: targets, threads, frames and breakpoints of guest VMs. */
    public static final String MODEL_ID = "dev.guestbench.debug";
    /** The "Guest kernel" launch configuration type. */
    public static final String LAUNCH_TYPE_ID = "dev.guestbench.debug.launchType";
    /** Marker of a line breakpoint in an assembly source. */
    public static final String LINE_BREAKPOINT_MARKER = PLUGIN_ID + ".lineBreakpointMarker";
    /** Marker of an address breakpoint. */
    public static final String ADDRESS_BREAKPOINT_MARKER = PLUGIN_ID + ".addressBreakpointMarker";
    /** Marker of a trap breakpoint. */
    public static final String TRAP_BREAKPOINT_MARKER = PLUGIN_ID + ".trapBreakpointMarker";
    /** Marker of a page-table breakpoint. */
    public static final String PAGE_TABLE_BREAKPOINT_MARKER = PLUGIN_ID + ".pageTableBreakpointMarker";
    /** Marker of a watchpoint on guest memory. */
    public static final String WATCHPOINT_MARKER = PLUGIN_ID + ".watchpointMarker";

    private GuestDebug() {
    }

    /** A CoreException with {@code message}, for errors the user sees. */
    public static CoreException error(String message, Throwable cause) {
        return new CoreException(new Status(IStatus.ERROR, PLUGIN_ID, message, cause));
    }
}
