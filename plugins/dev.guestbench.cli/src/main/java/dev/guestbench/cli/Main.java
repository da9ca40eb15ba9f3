package dev.guestbench.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headless command line: {@code guestbench <command> [arguments]}. Exit status 0 on success, 1 when
 * the command failed (bad input), 2 on a usage error.
 */
public final class Main {

    /** Exit status of a usage error. */
    static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main() {
        add(new AsmCommand());
        add(new DisasmCommand());
        add(new RunCommand());
    }

    private void add(Command command) {
        commands.put(command.name(), command);
    }

    public static void main(String[] args) {
        System.exit(new Main().run(args, System.out, System.err));
    }

    /** Runs one command line and returns its exit status; never throws for bad input. */
    int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? USAGE : 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("guestbench: unknown command '" + args[0] + "' (commands: " + String.join(", ", commands.keySet())
                    + ")");
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("guestbench " + command.name() + ": " + e.getMessage());
            err.println("usage: guestbench " + command.name() + " " + command.synopsis());
            return USAGE;
        }
    }

    private void usage(PrintStream stream) {
        stream.println("usage: guestbench <command> [arguments]");
        stream.println();
        for (Command c : commands.values()) {
            stream.printf("  %-8s %s%n", c.name(), c.summary());
            stream.printf("  %-8s   guestbench %s %s%n", "", c.name(), c.synopsis());
        }
    }
}
