package dev.quiver.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code quiver} command line: the entry point of the application.
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "quiver", mixinStandardHelpOptions = true, versionProvider = QuiverCommand.Version.class,
        description = "Fast, trustworthy quantitative research on the JVM.",
        subcommands = {DemoCommand.class, FeaturesCommand.class, BacktestCommand.class, CacheCommand.class,
                ProvidersCommand.class, CommandLine.HelpCommand.class})
public final class QuiverCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        configureLogging();
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line with these streams and returns the exit status (0 on success, 1 on a failure, 2 on a
     * usage error). Tests call this instead of {@link #main}.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new QuiverCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("quiver: " + e.getMessage());
            if (Boolean.getBoolean("quiver.debug")) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One line per log record, unless the user configured logging. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "quiver %4$s: %5$s%6$s%n");
        }
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = QuiverCommand.class.getPackage().getImplementationVersion();
            return new String[] {"quiver " + (v == null ? "(development build)" : v),
                    "JVM: " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
