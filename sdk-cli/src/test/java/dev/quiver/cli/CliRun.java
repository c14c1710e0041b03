package dev.quiver.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line, as the command tests make it: its exit status and what it printed.
 *
 * @param status the exit status
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
record CliRun(int status, String out, String err) {

    /** Runs {@code quiver ARGS} through {@link QuiverCommand#execute} in this JVM. */
    static CliRun quiver(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = QuiverCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
