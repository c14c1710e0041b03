package dev.quiver.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed feature specification: an optional output name and an expression tree of operator calls, column
 * references and literal values, each node with the index of its first character for messages. Which arguments
 * are input columns and which are parameters is decided later, against the operator's descriptor
 * ({@link SpecBinder}).
 *
 * <pre>
 * feature := ws [ label ws '=' ws ] call ws
 * call    := name ws [ '(' ws [ arg ( ws ',' ws arg )* ] ws ')' ] [ '.' part ]     (at the top level)
 * arg     := [ name ws '=' ws ] value
 * value   := name ws '(' ... ')' [ '.' part ]       a nested call (parentheses required inside arguments)
 *          | word                                    a column name or a choice (true, min, ...)
 *          | number
 * name    := letter ( letter | digit | '_' )*       part := name
 * word    := ( letter | '_' ) ( letter | digit | '_' | '.' )*
 * label   := word
 * number  := ( digit | '.' | '+' | '-' ) ( digit | letter | '.' | '+' | '-' )*
 * </pre>
 *
 * <p>Operator names, parameter names and parts are case-insensitive (stored in lower case); column names and labels
 * keep their case.
 *
 * <p>Thread-safety: immutable.
 *
 * @param text the spec as given
 * @param label the output name given with {@code label=}, or {@code null}
 * @param call the expression
 */
record FeatureSpec(String text, String label, Call call) {

    /** A node of the expression tree. */
    sealed interface Expr permits Call, Word, Number {
        /** The index of the node's first character in the spec text. */
        int index();
    }

    /**
     * An operator call, {@code name(args)}, possibly selecting one output part.
     *
     * @param operator the operator's name, lower case
     * @param args the arguments in order
     * @param part the selected output part, lower case, or {@code null}
     * @param partIndex the index of the part's first character, or -1
     */
    record Call(String operator, List<Arg> args, String part, int index, int partIndex) implements Expr {
        Call {
            args = List.copyOf(args);
        }

        /** Whether this call has only plain arguments (no nested calls), and no part. */
        boolean simple() {
            return part == null && args.stream().noneMatch(a -> a.value() instanceof Call);
        }
    }

    /** A bare word: a column name, or a word-valued parameter ({@code min}, {@code true}). */
    record Word(String text, int index) implements Expr {
    }

    /** A number, as written. */
    record Number(String text, int index) implements Expr {
    }

    /**
     * One argument.
     *
     * @param key the name before {@code =}, lower case, or {@code null} for a positional argument
     * @param value the value
     * @param index the index of the argument's first character
     */
    record Arg(String key, Expr value, int index) {
        boolean positional() {
            return key == null;
        }

        /** The value's text, for a word or a number. */
        String text() {
            return switch (value) {
                case Word w -> w.text();
                case Number n -> n.text();
                case Call c -> c.operator() + "(...)";
            };
        }
    }

    /**
     * Parses a spec.
     *
     * @throws IllegalArgumentException quoting the spec and giving the index of the offending character, with the
     *     spec and a caret under that character on the following lines
     */
    static FeatureSpec parse(String text) {
        return new Parser(text).feature();
    }

    /** An error about the part of this spec that starts at a character index. */
    IllegalArgumentException error(String what, int index) {
        return new IllegalArgumentException("feature spec '" + text + "': " + what + " (at index " + index + ")");
    }

    /** An error about this spec as a whole, wrapping the cause's message. */
    IllegalArgumentException error(IllegalArgumentException cause) {
        return new IllegalArgumentException("feature spec '" + text + "': " + cause.getMessage(), cause);
    }

    /**
     * Splits a comma-separated list of specs at the commas outside parentheses: {@code sma(20),macd(12,26,9)} is
     * two specs. Blank entries are dropped.
     *
     * @throws IllegalArgumentException naming the index of an unbalanced parenthesis
     */
    static List<String> splitList(String list) {
        List<String> specs = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("feature list '" + list + "': unbalanced ')' at index " + i
                            + caret(list, i));
                }
            } else if (c == ',' && depth == 0) {
                add(specs, list.substring(start, i));
                start = i + 1;
            }
        }
        if (depth > 0) {
            throw new IllegalArgumentException("feature list '" + list + "': " + depth + " unclosed '(' at the end"
                    + caret(list, list.length()));
        }
        add(specs, list.substring(start));
        return List.copyOf(specs);
    }

    private static void add(List<String> specs, String spec) {
        if (!spec.isBlank()) {
            specs.add(spec.trim());
        }
    }

    /**
     * The deepest nesting of calls inside a spec's top-level call ({@code ema(sma(roc(5),3),4)} nests 2 deep): far
     * beyond any feature anyone writes, and far within what the parser, the binder and the planner handle without deep stacks.
     */
    static final int MAX_DEPTH = 64;

    /** Two more lines: the text, and a caret under character {@code index}. */
    static String caret(String text, int index) {
        return System.lineSeparator() + "  " + text + System.lineSeparator() + "  " + " ".repeat(index) + "^";
    }

    private static final class Parser {
        private final String s;
        private int i;
        /** Whether the top-level call has parentheses, for the message about what may follow it. */
        private boolean topParentheses;
        /** How deep the call being parsed is nested. */
        private int depth;

        Parser(String text) {
            this.s = text;
        }

        FeatureSpec feature() {
            skipSpace();
            String label = null;
            if (i < s.length() && isWordStart(s.charAt(i))) {
                int start = i;
                String word = word();
                skipSpace();
                if (i < s.length() && s.charAt(i) == '=') {
                    label = word;
                    i++;
                    skipSpace();
                } else {
                    i = start;
                }
            }
            Call call = call(true);
            skipSpace();
            if (i < s.length()) {
                throw error(topParentheses || call.part() != null ? "expected the end" : "expected '(' or the end", i);
            }
            return new FeatureSpec(s, label, call);
        }

        /** A call; at the top level the parentheses may be left out ({@code rsi} is {@code rsi()}). */
        private Call call(boolean topLevel) {
            if (i >= s.length() || !Character.isLetter(s.charAt(i))) {
                throw error("expected an operator name", i);
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            String name = s.substring(start, i).toLowerCase(Locale.ROOT);
            int afterName = i;
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
                            throw error("expected ',' or ')'", i);
                        }
                    }
                }
            } else {
                i = afterName;
            }
            if (topLevel) {
                topParentheses = parenthesized;
            }
            String part = null;
            int partIndex = -1;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                partIndex = i;
                if (i >= s.length() || !Character.isLetter(s.charAt(i))) {
                    throw error("expected the name of an output part after '.'", i);
                }
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                part = s.substring(partIndex, i).toLowerCase(Locale.ROOT);
            }
            return new Call(name, args, part, start, partIndex);
        }

        private Arg arg() {
            int start = i;
            if (i < s.length() && isWordStart(s.charAt(i))) {
                String word = word();
                int afterWord = i;
                skipSpace();
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                    skipSpace();
                    return new Arg(word.toLowerCase(Locale.ROOT), value(), start);
                }
                i = afterWord;
                if (i < s.length() && s.charAt(i) == '(' || nextNonSpaceIs('(')) {
                    i = start;
                    if (++depth > MAX_DEPTH) {
                        throw error("calls nested more than " + MAX_DEPTH + " deep", start);
                    }
                    Call inner = call(false);
                    depth--;
                    return new Arg(null, inner, start);
                }
                return new Arg(null, new Word(word, start), start);
            }
            return new Arg(null, value(), start);
        }

        private boolean nextNonSpaceIs(char c) {
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            return j < s.length() && s.charAt(j) == c;
        }

        private Expr value() {
            if (i >= s.length()) {
                throw error("expected a value", i);
            }
            char c = s.charAt(i);
            int start = i;
            if (isWordStart(c)) {
                String word = word();
                if (nextNonSpaceIs('(')) {
                    i = start;
                    return call(false);
                }
                return new Word(word, start);
            }
            if (Character.isDigit(c) || c == '.' || c == '+' || c == '-') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                return new Number(s.substring(start, i), start);
            }
            throw error("expected a value (a number, a name or an operator call)", i);
        }

        private String word() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                    || s.charAt(i) == '.')) {
                i++;
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

        private IllegalArgumentException error(String what, int index) {
            String found = index >= s.length() ? "the end of the text" : "'" + s.charAt(index) + "'";
            return new IllegalArgumentException("feature spec '" + s + "': " + what + " at index " + index
                    + ", found " + found + caret(s, index));
        }
    }
}
