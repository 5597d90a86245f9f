// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.util.LinkedHashMap;
import java.util.Map;

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
                quote(value);
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
            quote(key);
            sb.append(':');
        }

        private void quote(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20 || c > 0x7e) {
                            sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                    .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }

        /** @return the line, without the line feed */
        @Override
        public String toString() {
            return sb.toString() + '}';
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error(i, "unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error(i - 1, "control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next("an escape");
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error(i - 2, "truncated \\u escape");
                        }
                        int code = 0;
                        for (int k = i; k < i + 4; k++) {
                            char h = s.charAt(k);
                            int d = h <= 0x7f ? Character.digit(h, 16) : -1; // ASCII hex digits only
                            if (d < 0) {
                                throw error(i - 2, "bad \\u escape '" + s.substring(i, i + 4) + "'");
                            }
                            code = code << 4 | d;
                        }
                        out.append((char) code);
                        i += 4;
                    }
                    default -> throw error(i - 2, "unknown escape \\" + e);
                }
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
