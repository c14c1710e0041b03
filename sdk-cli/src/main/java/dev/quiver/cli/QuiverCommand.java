package dev.quiver.cli;

import dev.quiver.api.store.StoreException;
import dev.quiver.io.DataFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code quiver} command line: the entry point of the application.
 *
 * <p>Every command's help shows its options' defaults and wraps to the terminal's width. A failure is printed as one
 * sentence in the user's words (the file, the line, the column and the value of bad input; which option and value
 * for a bad option), never a Java class name or a stack trace, unless {@code --debug} (or
 * {@code -Dquiver.debug=true}) asks for the details. Exit status: 0 on success, 1 on a failure, 2 on a usage error.
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "quiver", mixinStandardHelpOptions = true, versionProvider = QuiverCommand.Version.class,
        scope = ScopeType.INHERIT, showDefaultValues = true, usageHelpAutoWidth = true,
        description = "Fast, trustworthy quantitative research on the JVM.",
        subcommands = {DemoCommand.class, FeaturesCommand.class, BacktestCommand.class, StrategiesCommand.class,
                PortfolioCommand.class, CorrelateCommand.class, GenerateCommand.class, StoreCommand.class, CacheCommand.class,
                ProvidersCommand.class, CalibrateCommand.class, CommandLine.HelpCommand.class})
public final class QuiverCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private boolean debug = Boolean.getBoolean("quiver.debug");

    /** {@code --debug}, accepted before or after the command's name. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "On a failure, print the details (stack trace) too.")
    void debug(boolean on) {
        debug |= on;
    }

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
        QuiverCommand root = new QuiverCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("quiver: " + describe(e));
            if (root.debug) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        cli.setParameterExceptionHandler((e, params) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("quiver: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            if (root.debug) {
                e.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return cli.execute(args);
    }

    /** A failure in one sentence, in the user's words. */
    static String describe(Throwable e) {
        return switch (e) {
            case DataFileException d -> d.getMessage();
            case StoreException s -> s.getMessage();
            case UncheckedIOException u -> describe(u.getCause());
            case NoSuchFileException n -> n.getFile() + ": does not exist";
            case AccessDeniedException a -> a.getFile() + ": permission denied";
            case NotDirectoryException n -> n.getFile() + ": is not a directory";
            case FileAlreadyExistsException f -> f.getFile() + (f.getReason() != null ? ": " + f.getReason()
                    : ": already exists");
            case FileSystemException f -> (f.getFile() != null ? f.getFile() + ": " : "")
                    + (f.getReason() != null ? f.getReason() : "file system error");
            case IOException io -> io.getMessage() != null ? io.getMessage() : "input/output error";
            case IllegalArgumentException i when i.getMessage() != null -> i.getMessage();
            case IllegalStateException i when i.getMessage() != null -> i.getMessage();
            case UnsupportedOperationException u when u.getMessage() != null -> u.getMessage();
            case OutOfMemoryError m -> "out of memory (" + m.getMessage() + "); give the JVM more with "
                    + "QUIVER_JAVA_OPTS=-Xmx..., or read the input batch by batch";
            default -> "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (run with --debug for the details)";
        };
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

    /** Reports the version from the jar manifest (class path) or the module descriptor (module path). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = QuiverCommand.class.getPackage().getImplementationVersion();
            Module module = QuiverCommand.class.getModule();
            if (v == null && module.isNamed()) {
                v = module.getDescriptor().rawVersion().orElse(null);
            }
            return new String[] {"quiver " + (v == null ? "(development build)" : v),
                    "JVM: " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
