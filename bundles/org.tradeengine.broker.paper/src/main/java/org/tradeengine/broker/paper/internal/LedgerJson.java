// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tradeengine.support.JsonText;

/**
 * The ledger's line syntax: one flat JSON object per line, values are strings, whole numbers, {@code true},
 * {@code false} or {@code null}. Written by hand: every character outside printable ASCII is escaped as
 * {@code \}{@code uXXXX}, so a line is pure ASCII, never contains a line break, and any Java string (even a lone
 * surrogate) reads back exactly. The parser takes any flat JSON object with such values, including raw UTF-8 text.
 */
final class LedgerJson {

    private LedgerJson() {
    }

    /** Builds one line: {@code add} fields in order, then {@link #toString()}. */
    static final class Writer {
        private final StringBuilder sb = new StringBuilder(384).append('{');

        /**
         * @param key field name
         * @param value text, or null for JSON null
         * @return this
         */
        Writer add(String key, String value) {
            key(key);
            if (value == null) {
                sb.append("null");
            } else {
                JsonText.quoteAscii(sb, value);
            }
            return this;
        }

        /**
         * @param key field name
         * @param value a whole number
         * @return this
         */
        Writer add(String key, long value) {
            key(key);
            sb.append(value);
            return this;
        }

        /**
         * @param key field name
         * @param value a flag
         * @return this
         */
        Writer add(String key, boolean value) {
            key(key);
            sb.append(value);
            return this;
        }

        private void key(String key) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            JsonText.quoteAscii(sb, key).append(':');
        }

        /** @return the line, without the line feed */
        @Override
        public String toString() {
            return sb.toString() + '}';
        }
    }

    /**
     * Parses one flat object.
     *
     * @param line the line without its line feed
     * @return the fields in order; a JSON null is a null value, numbers are {@link Long}, flags {@link Boolean}
     * @throws IllegalArgumentException saying what is wrong and at which column (1-based)
     */
    static Map<String, Object> parse(String line) {
        return new Parser(line).object();
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            space();
            expect('{');
            space();
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    space();
                    int at = i;
                    String key = string();
                    space();
                    expect(':');
                    space();
                    Object value = value();
                    if (fields.containsKey(key)) {
                        throw error(at, "field \"" + key + "\" appears twice");
                    }
                    fields.put(key, value);
                    space();
                    char c = next("',' or '}'");
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error(i - 1, "expected ',' or '}' but found '" + c + "'");
                    }
                }
            }
            space();
            if (i < s.length()) {
                throw error(i, "text after the end of the object");
            }
            return fields;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '-' || c >= '0' && c <= '9') {
                return number();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (c == '{' || c == '[') {
                throw error(i, "nested objects and arrays are not part of the ledger format");
            }
            throw error(i, "expected a value but found " + (i < s.length() ? "'" + c + "'" : "the end of the line"));
        }

        private Long number() {
            int start = i;
            if (peek() == '-') {
                i++;
            }
            int digits = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digits) {
                throw error(start, "a number needs digits");
            }
            if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                throw error(start, "only whole numbers are used as JSON numbers (decimals are strings)");
            }
            try {
                return Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error(start, "number " + s.substring(start, i) + " does not fit in a long");
            }
        }

        private String string() {
            expect('"');
            try {
                JsonText.Literal literal = JsonText.read(s, i, JsonText.Syntax.STRICT);
                i = literal.end();
                return literal.value();
            } catch (JsonText.Malformed e) {
                int at = e.index();
                throw switch (e.problem()) {
                    case UNTERMINATED -> error(at, "unterminated string");
                    case ESCAPE_AT_END -> error(at, "expected an escape but the line ends");
                    case CONTROL_CHARACTER -> error(at, "control character in a string");
                    case UNKNOWN_ESCAPE -> error(at, "unknown escape \\" + s.charAt(at + 1));
                    case TRUNCATED_UNICODE -> error(at, "truncated \\u escape");
                    case BAD_UNICODE -> error(at, "bad \\u escape '" + s.substring(at + 2, at + 6) + "'");
                };
            }
        }

        private void space() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private char next(String what) {
            if (i >= s.length()) {
                throw error(i, "expected " + what + " but the line ends");
            }
            return s.charAt(i++);
        }

        private void expect(char c) {
            char got = next("'" + c + "'");
            if (got != c) {
                throw error(i - 1, "expected '" + c + "' but found '" + got + "'");
            }
        }

        private static IllegalArgumentException error(int at, String what) {
            return new IllegalArgumentException(what + " (column " + (at + 1) + ")");
        }
    }
}
