package dev.quiver.io.json;

import dev.quiver.api.io.AtomicFiles;
import dev.quiver.io.format.InputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quiver's JSON outputs (a backtest's {@code metrics.json}, summaries of sweeps, stores and portfolios) through
 * Jackson 3: one configured mapper, pretty-printed UTF-8, keys in the order they were put, written atomically (a
 * temporary sibling renamed into place). JSON has no NaN or infinity: {@link #number} turns them into {@code null}.
 *
 * <pre>{@code
 * ObjectNode metrics = JsonFiles.object();
 * JsonFiles.put(metrics, "sharpe", 1.25);
 * JsonFiles.write(Path.of("metrics.json"), metrics);
 * }</pre>
 *
 * <p>Thread-safety: stateless; the shared mapper is thread-safe.
 */
public final class JsonFiles {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Two-space indents and {@code "key": value}, as most JSON tools print it (Jackson's default is {@code " : "}). */
    private static final ObjectWriter PRETTY = MAPPER.writer().with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)));

    private JsonFiles() {
    }

    /** The shared mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A new, empty object node whose keys keep their order. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A number, or {@code null} for NaN and the infinities (which JSON cannot hold). */
    public static JsonNode number(double v) {
        return Double.isFinite(v) ? JsonNodeFactory.instance.numberNode(v) : JsonNodeFactory.instance.nullNode();
    }

    /** Puts a number ({@link #number}: non-finite values become {@code null}); returns the node. */
    public static ObjectNode put(ObjectNode node, String key, double v) {
        node.set(key, number(v));
        return node;
    }

    /**
     * Writes a value (a node, a record, a map) as pretty-printed JSON, atomically, with a final line break.
     *
     * @throws dev.quiver.io.DataFileException naming the file if it cannot be written (the target is then unchanged)
     */
    public static void write(Path file, Object value) {
        try {
            AtomicFiles.write(file, channel -> {
                OutputStream out = Channels.newOutputStream(channel);
                byte[] bytes = PRETTY.writeValueAsBytes(value);
                out.write(bytes);
                out.write('\n');
                out.flush();
            });
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + file + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
