// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.support;

import java.util.Locale;
import java.util.Objects;

/**
 * JSON string literals, written and read by hand for the bundles that keep small JSON files without a JSON library
 * (the rule deployment log, the trading state file, the paper ledger).
 *
 * <p>Writing: {@code "} and {@code \} are escaped, line feed, carriage return and tab as {@code \n}, {@code \r},
 * {@code \t}, the other control characters (below U+0020) as {@code \}{@code u00xx} with lower-case hex digits;
 * everything else is written as it is ({@link #quote}). {@link #quoteAscii} also escapes every character outside
 * printable ASCII (U+0020..U+007E), so the literal is pure ASCII and any Java string, even a lone surrogate, reads
 * back exactly.
 *
 * <p>Reading ({@link #read}): the text between the quotes, with the escapes {@code \" \\ \/ \n \r \t \b \f} and
 * {@code \}{@code uXXXX}. {@link Syntax#STRICT} refuses a raw control character, any other escape and a
 * {@code \}{@code u} without four ASCII hex digits; {@link Syntax#LENIENT} takes a raw control character, reads any
 * other escape {@code \x} as {@code x}, and reads the four characters after {@code \}{@code u} with
 * {@link Integer#parseInt(String, int)}. A literal that cannot be read is a {@link Malformed} saying what and where,
 * so each file format can word its own message.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** How strictly {@link #read} takes a literal. */
    public enum Syntax {
        /** Only what JSON allows; see {@link JsonText}. */
        STRICT,
        /** Raw control characters and unknown escapes are taken; see {@link JsonText}. */
        LENIENT
    }

    /** What is wrong with a literal that cannot be read. */
    public enum Problem {
        /** The text ends before the closing quote; the index is the text's length. */
        UNTERMINATED,
        /** The text ends just after a backslash; the index is the text's length. */
        ESCAPE_AT_END,
        /** A raw control character ({@link Syntax#STRICT} only); the index is the character's. */
        CONTROL_CHARACTER,
        /** An escape JSON does not have ({@link Syntax#STRICT} only); the index is the backslash's. */
        UNKNOWN_ESCAPE,
        /** Fewer than four characters after {@code \}{@code u}; the index is the backslash's. */
        TRUNCATED_UNICODE,
        /** The four characters after {@code \}{@code u} are not a hex number; the index is the backslash's. */
        BAD_UNICODE
    }

    /**
     * A string literal that cannot be read.
     */
    public static final class Malformed extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final Problem problem;
        private final int index;

        Malformed(Problem problem, int index) {
            super(problem.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " at index " + index);
            this.problem = problem;
            this.index = index;
        }

        /** @return what is wrong */
        public Problem problem() {
            return problem;
        }

        /** @return where, 0-based in the text given to {@link #read} (see {@link Problem} for which character) */
        public int index() {
            return index;
        }
    }

    /**
     * A literal read from a text.
     *
     * @param value the string it stands for
     * @param end the index just after its closing quote
     */
    public record Literal(String value, int end) {
    }

    /**
     * @param s the text
     * @return {@code s} as a JSON string literal, quotes included (control characters escaped, see {@link JsonText})
     */
    public static String quote(CharSequence s) {
        return quote(new StringBuilder(s.length() + 2), s).toString();
    }

    /**
     * Appends {@code s} as a JSON string literal, quotes included, escaping only {@code "}, {@code \} and the
     * control characters.
     *
     * @param out where it goes
     * @param s the text
     * @return {@code out}
     */
    public static StringBuilder quote(StringBuilder out, CharSequence s) {
        return append(out, s, false);
    }

    /**
     * Appends {@code s} as a pure-ASCII JSON string literal, quotes included: also every character outside
     * U+0020..U+007E is escaped as {@code \}{@code uxxxx}.
     *
     * @param out where it goes
     * @param s the text
     * @return {@code out}
     */
    public static StringBuilder quoteAscii(StringBuilder out, CharSequence s) {
        return append(out, s, true);
    }

    private static StringBuilder append(StringBuilder out, CharSequence s, boolean ascii) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || ascii && c > 0x7e) {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /**
     * Reads the string literal whose opening quote the caller has just read.
     *
     * @param text the text
     * @param from the index just after the opening quote
     * @param syntax how strictly
     * @return the string and the index after the closing quote
     * @throws Malformed saying what is wrong and at which index
     */
    public static Literal read(CharSequence text, int from, Syntax syntax) {
        Objects.requireNonNull(syntax, "syntax");
        boolean strict = syntax == Syntax.STRICT;
        StringBuilder out = new StringBuilder();
        int i = from;
        while (true) {
            if (i >= text.length()) {
                throw new Malformed(Problem.UNTERMINATED, text.length());
            }
            char c = text.charAt(i++);
            if (c == '"') {
                return new Literal(out.toString(), i);
            }
            if (strict && c < 0x20) {
                throw new Malformed(Problem.CONTROL_CHARACTER, i - 1);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= text.length()) {
                throw new Malformed(Problem.ESCAPE_AT_END, text.length());
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append(unicode(text, i - 2, strict));
                    i += 4;
                }
                case '"', '\\', '/' -> out.append(e);
                default -> {
                    if (strict) {
                        throw new Malformed(Problem.UNKNOWN_ESCAPE, i - 2);
                    }
                    out.append(e);
                }
            }
        }
    }

    /** The character of the {@code \}{@code uXXXX} escape whose backslash is at {@code at}. */
    private static char unicode(CharSequence text, int at, boolean strict) {
        int start = at + 2;
        if (start + 4 > text.length()) {
            throw new Malformed(Problem.TRUNCATED_UNICODE, at);
        }
        if (!strict) {
            try {
                return (char) Integer.parseInt(text.subSequence(start, start + 4).toString(), 16);
            } catch (NumberFormatException e) {
                throw new Malformed(Problem.BAD_UNICODE, at);
            }
        }
        int code = 0;
        for (int k = start; k < start + 4; k++) {
            char h = text.charAt(k);
            int d = h <= 0x7f ? Character.digit(h, 16) : -1; // ASCII hex digits only
            if (d < 0) {
                throw new Malformed(Problem.BAD_UNICODE, at);
            }
            code = code << 4 | d;
        }
        return (char) code;
    }
}
