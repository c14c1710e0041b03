package dev.quiver.bench.report;

import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The headline table of a Markdown file (the project README): the rows of the goals marked {@link Goal#headline()},
 * between {@value #BEGIN} and {@value #END}. {@link #rewrite} replaces what lies between the markers and leaves the
 * rest of the file as it was; a file without the markers gets a "Performance" section before its "Documentation"
 * heading (or at its end).
 *
 * <p>Thread-safety: stateless; concurrent rewrites of one file race (the last one wins, each file whole).
 */
final class HeadlineBlock {
    static final String BEGIN = "<!-- bench:headline -->";
    static final String END = "<!-- /bench:headline -->";

    private HeadlineBlock() {
    }

    /**
     * Rewrites {@code markdown}'s headline block from {@code goals}, linking {@code report}.
     *
     * @throws IOException if the file cannot be read or written, or has one marker without the other (the message
     *                     names the file)
     */
    static void rewrite(Path markdown, List<GoalVerdict> goals, MachineInfo machine, Path report)
            throws IOException {
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        Path base = markdown.toAbsolutePath().getParent();
        String link = base.relativize(report.toAbsolutePath()).toString().replace('\\', '/');
        String block = BEGIN + "\n" + table(goals, machine, link) + END;
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated;
        if (begin >= 0 && end > begin) {
            updated = text.substring(0, begin) + block + text.substring(end + END.length());
        } else if (begin >= 0 || end >= 0) {
            throw new IOException(markdown + ": has " + (begin >= 0 ? BEGIN + " without " + END
                    : END + " without " + BEGIN + " before it") + "; fix or remove the marker");
        } else {
            String section = "## Performance\n\n" + block + "\n\n";
            int docs = text.indexOf("\n## Documentation");
            updated = docs >= 0 ? text.substring(0, docs + 1) + section + text.substring(docs + 1)
                    : text + (text.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        AtomicFiles.writeText(markdown, w -> w.write(updated));
    }

    /** The block's content: where the figures come from, then a row per headline goal row. */
    static String table(List<GoalVerdict> goals, MachineInfo machine, String reportLink) {
        StringBuilder md = new StringBuilder();
        md.append("Measured by `sdk-bench/run --profile full` on ").append(machine.cpu())
                .append(machine.cores() > 0 ? " (" + machine.cores() + " cores)" : "").append(", JDK ")
                .append(machine.jdk()).append("; the whole report, with charts: [").append(reportLink).append("](")
                .append(reportLink).append("). Ratios are to the peer measured in the same run.\n\n");
        md.append("| workload | measured | target | ratio | status |\n|---|---|---|---|---|\n");
        for (GoalVerdict g : goals) {
            if (!g.goal().headline()) {
                continue;
            }
            if (g.rows().isEmpty()) {
                BenchmarkReport.row(md, List.of(g.goal().name(), "not in this run", "", "", "not measured"));
            }
            for (GoalVerdict.Row r : g.rows()) {
                String label = g.goal().name() + (r.label().equals("all") ? "" : " (" + r.label() + ")");
                BenchmarkReport.row(md, List.of(label, r.measured(), r.target(), Quantities.ratio(r.ratio()),
                        r.status().text()));
            }
        }
        return md.toString();
    }
}
