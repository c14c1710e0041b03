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
 * The {@code ./quiver} examples of docs/io.md run as written, in order (a later one may read an earlier one's
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
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>();
            for (int i = 0; i < command.size(); i++) {
                String a = command.get(i);
                boolean path = i > 0 && (command.get(i - 1).equals("--input") || command.get(i - 1).equals("--output"));
                args.add(!path ? a : a.startsWith("data/") ? ROOT.resolve(a).toString() : tmp.resolve(a).toString());
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = QuiverCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    args.toArray(String[]::new));
            assertThat(status).as(String.join(" ", command) + "\n" + err).isZero();
        }
        assertThat(tmp.resolve("ranks.csv")).isNotEmptyFile();
        assertThat(tmp.resolve("bt").resolve("report.html")).isNotEmptyFile();
    }
}
