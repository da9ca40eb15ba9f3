package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Command handlers of the Breakpoints view's "Add ... Breakpoint" and "Add Watchpoint" menu entries. */
public final class AddBreakpointHandlers {

    private AddBreakpointHandlers() {
    }

    /** Adds an address breakpoint. */
    public static final class Address extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            BreakpointActions.addAddressBreakpoint(HandlerUtil.getActiveShell(event));
            return null;
        }
    }

    /** Adds a trap breakpoint. */
    public static final class Trap extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            BreakpointActions.addTrapBreakpoint(HandlerUtil.getActiveShell(event));
            return null;
        }
    }

    /** Adds a watchpoint. */
    public static final class Watch extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            BreakpointActions.addWatchpoint(HandlerUtil.getActiveShell(event));
            return null;
        }
    }

    /** Adds a page-table breakpoint. */
    public static final class PageTable extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            BreakpointActions.addPageTableBreakpoint(HandlerUtil.getActiveShell(event));
            return null;
        }
    }
}
