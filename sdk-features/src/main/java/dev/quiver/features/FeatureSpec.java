package dev.quiver.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed simple spec, {@code name(arg, ..., key=value, ...)}: an operator name and its arguments, each with the
 * index of its first character for messages. Which positional arguments are input columns and which are parameters
 * is decided later, against the operator's descriptor ({@link FeatureEngine#kernel(String)}).
 *
 * <pre>
 * spec  := ws name ws [ '(' ws [ arg ( ws ',' ws arg )* ] ws ')' ] ws
 * name  := letter ( letter | digit | '_' )*
 * arg   := [ name ws '=' ws ] value
 * value := word | number          word := ( letter | '_' ) ( letter | digit | '_' | '.' )*
 *                                 number := ( digit | '.' | '+' | '-' ) ( digit | letter | '.' | '+' | '-' )*
 * </pre>
 *
 * <p>Thread-safety: immutable.
 */
record FeatureSpec(String text, String operator, List<Arg> args) {

    /**
     * One argument.
     *
     * @param key the name before {@code =}, or {@code null} for a positional argument
     * @param value the value's text
     * @param word whether the value is a word (a column name or a choice) rather than a number
     * @param index the index of the argument's first character in the spec text
     */
    record Arg(String key, String value, boolean word, int index) {
        boolean positional() {
            return key == null;
        }
    }

    FeatureSpec {
        args = List.copyOf(args);
    }

    /** The index of the operator name's first character. */
    int operatorIndex() {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Parses a spec.
     *
     * @throws IllegalArgumentException quoting the spec and giving the index of the offending character
     */
    static FeatureSpec parse(String text) {
        return new Parser(text).spec();
    }

    /** An error about the part of this spec that starts at a character index. */
    IllegalArgumentException error(String what, int index) {
        return new IllegalArgumentException("feature spec '" + text + "': " + what + " (at index " + index + ")");
    }

    /** An error about this spec as a whole, wrapping the cause's message. */
    IllegalArgumentException error(IllegalArgumentException cause) {
        return new IllegalArgumentException("feature spec '" + text + "': " + cause.getMessage(), cause);
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String text) {
            this.s = text;
        }

        FeatureSpec spec() {
            skipSpace();
            if (i >= s.length() || !Character.isLetter(s.charAt(i))) {
                throw error(s, "expected an operator name", i);
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            String name = s.substring(start, i).toLowerCase(Locale.ROOT);
            skipSpace();
            List<Arg> args = new ArrayList<>();
            boolean parenthesized = i < s.length() && s.charAt(i) == '(';
            if (parenthesized) {
                i++;
                skipSpace();
                if (i < s.length() && s.charAt(i) == ')') {
                    i++;
                } else {
                    while (true) {
                        args.add(arg());
                        skipSpace();
                        if (i < s.length() && s.charAt(i) == ',') {
                            i++;
                            skipSpace();
                        } else if (i < s.length() && s.charAt(i) == ')') {
                            i++;
                            break;
                        } else {
                            throw error(s, "expected ',' or ')'", i);
                        }
                    }
                }
                skipSpace();
            }
            if (i < s.length()) {
                throw error(s, parenthesized ? "expected the end" : "expected '(' or the end", i);
            }
            return new FeatureSpec(s, name, args);
        }

        private Arg arg() {
            int start = i;
            String first = value();
            boolean word = isWordStart(s.charAt(start));
            int afterFirst = i;
            skipSpace();
            if (word && i < s.length() && s.charAt(i) == '=') {
                i++;
                skipSpace();
                int valueStart = i;
                String value = value();
                return new Arg(first.toLowerCase(Locale.ROOT), value, isWordStart(s.charAt(valueStart)), start);
            }
            i = afterFirst;
            return new Arg(null, first, word, start);
        }

        private String value() {
            if (i >= s.length()) {
                throw error(s, "expected a value", i);
            }
            char c = s.charAt(i);
            int start = i;
            if (isWordStart(c)) {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isDigit(c) || c == '.' || c == '+' || c == '-') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
            } else {
                throw error(s, "expected a value (a number or a name)", i);
            }
            return s.substring(start, i);
        }

        private static boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        static IllegalArgumentException error(String text, String what, int index) {
            String found = index >= text.length() ? "the end of the text" : "'" + text.charAt(index) + "'";
            return new IllegalArgumentException("feature spec '" + text + "': " + what + " at index " + index
                    + ", found " + found);
        }
    }
}
