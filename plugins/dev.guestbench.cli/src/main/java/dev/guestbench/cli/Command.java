package dev.guestbench.cli;

import java.io.PrintStream;

/** One sub-command of the command line. */
interface Command {

    /** The word that selects it: {@code disasm}. */
    String name();

    /** Its arguments, for usage messages. */
    String synopsis();

    /** One line saying what it does. */
    String summary();

    /**
     * Runs it; returns the exit status. Bad input is reported on {@code err} with a one-line message and
     * status 1; bad arguments throw {@link UsageException}.
     */
    int run(String[] args, PrintStream out, PrintStream err) throws UsageException;
}
