package dev.quiver.bench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's {@code -rf json} result files: a JSON array of objects with {@code benchmark}, {@code mode},
 * {@code params}, {@code primaryMetric}, {@code secondaryMetrics}, {@code jdkVersion}, {@code vmName},
 * {@code vmVersion}, {@code jvm}, {@code threads} and {@code forks}. Only the fields the report uses are read; a
 * missing or mistyped one is an error naming the file, the entry and the field.
 *
 * <p>Thread-safety: stateless apart from Jackson's thread-safe {@link ObjectMapper}; safe from any thread.
 */
final class JmhResultReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhResultReader() {
    }

    /**
     * Reads every entry of one file, in file order.
     *
     * @throws IOException if the file cannot be read, is not JSON, or is not shaped like JMH's output; the message
     *                     names the file (and, for JSON errors, the line and column; for shape errors, the entry)
     */
    static List<JmhResult> read(Path file) throws IOException {
        JsonNode root;
        try (var in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // Jackson names an unclosed bracket's position through a "[Source: REDACTED ...]" note: keep the position
            String message = String.valueOf(e.getOriginalMessage()).replaceAll(
                    "\\s*\\(start marker at \\[Source:[^;]*; (line: \\d+, column: \\d+)]\\)", " (opened at $1)");
            throw new IOException(file + ": not valid JSON" + where + ": " + message, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException(file + ": empty; expected JMH's JSON results (a JSON array, from -rf json)");
        }
        if (!root.isArray()) {
            throw new IOException(file + ": expected JMH's JSON results, a JSON array (from -rf json), found "
                    + kind(root));
        }
        List<JmhResult> results = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            results.add(entry(file, i, root.get(i)));
        }
        return results;
    }

    private static JmhResult entry(Path file, int index, JsonNode node) throws IOException {
        Where where = new Where(file, index);
        if (!node.isObject()) {
            throw where.error("expected an object, found " + kind(node));
        }
        String benchmark = text(where, node, "benchmark");
        where = new Where(file, index, benchmark);
        if (benchmark.indexOf('.') < 0) {
            throw where.error("\"benchmark\" must be a qualified method name (Class.method), found \"" + benchmark
                    + "\"");
        }
        String mode = text(where, node, "mode");
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = node.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw where.error("\"params\" must be an object, found " + kind(p));
            }
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                if (!e.getValue().isValueNode()) {
                    throw where.error("\"params." + e.getKey() + "\" must be a value, found " + kind(e.getValue()));
                }
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode primaryNode = node.get("primaryMetric");
        if (primaryNode == null) {
            throw where.error("missing \"primaryMetric\"");
        }
        JmhResult.Metric primary = metric(where, "primaryMetric", primaryNode);
        Map<String, JmhResult.Metric> secondary = new LinkedHashMap<>();
        JsonNode s = node.get("secondaryMetrics");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                throw where.error("\"secondaryMetrics\" must be an object, found " + kind(s));
            }
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                secondary.put(e.getKey(), metric(where, "secondaryMetrics." + e.getKey(), e.getValue()));
            }
        }
        String vm = (optionalText(where, node, "vmName") + " " + optionalText(where, node, "vmVersion")).strip();
        return new JmhResult(file, benchmark, mode, Collections.unmodifiableMap(params), primary,
                Collections.unmodifiableMap(secondary), optionalText(where, node, "jdkVersion"), vm,
                optionalText(where, node, "jvm"), optionalInt(where, node, "threads"),
                optionalInt(where, node, "forks"));
    }

    private static JmhResult.Metric metric(Where where, String name, JsonNode node) throws IOException {
        if (!node.isObject()) {
            throw where.error("\"" + name + "\" must be an object, found " + kind(node));
        }
        double score = number(where, name + ".score", node.get("score"), false);
        // JMH writes "NaN" (a string) as the error of a single-iteration run
        double error = number(where, name + ".scoreError", node.get("scoreError"), true);
        JsonNode unit = node.get("scoreUnit");
        if (unit == null || !unit.isTextual()) {
            throw where.error("\"" + name + ".scoreUnit\" must be a string, found " + kind(unit));
        }
        return new JmhResult.Metric(score, error, unit.asText());
    }

    private static double number(Where where, String name, JsonNode node, boolean optional) throws IOException {
        if (node == null || node.isNull()) {
            if (optional) {
                return Double.NaN;
            }
            throw where.error("missing \"" + name + "\"");
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw where.error("\"" + name + "\" must be a number, found " + kind(node) + " " + node);
    }

    private static String text(Where where, JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw where.error("\"" + field + "\" must be a non-empty string, found " + kind(v)
                    + (v == null ? "" : " " + v));
        }
        return v.asText();
    }

    private static String optionalText(Where where, JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isValueNode()) {
            throw where.error("\"" + field + "\" must be a string, found " + kind(v));
        }
        return v.asText();
    }

    private static int optionalInt(Where where, JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw where.error("\"" + field + "\" must be an integer, found " + kind(v) + " " + v);
        }
        return v.intValue();
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Where in the input an entry sits, for error messages. */
    private record Where(Path file, int index, String benchmark) {
        Where(Path file, int index) {
            this(file, index, null);
        }

        IOException error(String what) {
            return new IOException(file + ": entry " + index + (benchmark == null ? "" : " (" + benchmark + ")")
                    + ": " + what);
        }
    }
}
