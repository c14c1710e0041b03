package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./quiver} examples of docs/io.md and docs/store.md run as written, in order (a later one may read an earlier one's
 * output): bundled data ({@code data/...}) is read from the checkout, every other file lives in a temporary directory.
 */
class DocsExamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("quiver.project.dir", "..")).toAbsolutePath();

    @TempDir
    Path tmp;

    /** The commands of the sh blocks: continuation lines joined, comments dropped. */
    static List<List<String>> commands(Path doc) throws IOException {
        List<List<String>> commands = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder pending = null;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("```")) {
                inBlock = line.equals("```sh");
                continue;
            }
            if (!inBlock) {
                continue;
            }
            String text = line.replaceAll("\\s+#.*$", "").strip();
            if (pending == null && !text.startsWith("./quiver ")) {
                continue;
            }
            pending = pending == null ? new StringBuilder() : pending.append(' ');
            if (text.endsWith("\\")) {
                pending.append(text, 0, text.length() - 1);
            } else {
                pending.append(text);
                commands.add(words(pending.toString().substring("./quiver ".length())));
                pending = null;
            }
        }
        return commands;
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!w.isEmpty()) {
                    words.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) {
            words.add(w.toString());
        }
        return words;
    }

    @Test
    void theIoExamplesRun() throws IOException {
        List<List<String>> commands = commands(ROOT.resolve("docs/io.md"));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(4);
        commands.forEach(this::run);
        assertThat(tmp.resolve("ranks.csv")).isNotEmptyFile();
        assertThat(tmp.resolve("bt").resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void theStoreExamplesRun() throws IOException {
        List<List<String>> commands = commands(ROOT.resolve("docs/store.md"));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
        commands.forEach(this::run);
        assertThat(tmp.resolve("ibm.parquet")).isNotEmptyFile();
        assertThat(tmp.resolve("research.duckdb")).isNotEmptyFile();
    }

    /**
     * Runs one example: bundled data from the checkout, other {@code --input} and {@code --output} files and DuckDB
     * files of {@code --store} in the temporary directory.
     */
    private void run(List<String> command) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String a = command.get(i);
            String option = i > 0 ? command.get(i - 1) : "";
            boolean path = option.equals("--input") || option.equals("--output");
            if (path) {
                args.add(a.startsWith("data/") ? ROOT.resolve(a).toString() : tmp.resolve(a).toString());
            } else if (option.equals("--store") && a.startsWith("duckdb:") && !a.equals("duckdb::memory:")) {
                args.add("duckdb:" + tmp.resolve(a.substring("duckdb:".length())));
            } else {
                args.add(a);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = QuiverCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        assertThat(status).as(String.join(" ", command) + "\n" + err).isZero();
    }
}
