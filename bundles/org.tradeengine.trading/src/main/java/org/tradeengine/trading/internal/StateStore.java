// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tradeengine.api.model.TradingState;
import org.tradeengine.support.JsonText;

/**
 * Persists the trading state as one small JSON object ({@code {"state":"HALTED","reason":"...","by":"...",
 * "since":"2024-..."}}), written to a temp file and moved over the old one so a crash never leaves half a file. No
 * JSON library: four string fields are read and written here.
 */
final class StateStore {

    /**
     * The persisted state.
     *
     * @param state the trading state
     * @param reason why
     * @param by who or which rule
     * @param since when (wall clock)
     */
    record Saved(TradingState state, String reason, String by, Instant since) {
    }

    private final Path file;

    StateStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * Reads the state.
     *
     * @return the saved state, or null if there is no file yet (first start)
     * @throws IOException naming the problem if the file exists but cannot be read or understood
     */
    Saved load() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        Map<String, String> fields = parse(text.strip());
        try {
            TradingState state = TradingState.valueOf(require(fields, "state"));
            return new Saved(state, require(fields, "reason"), require(fields, "by"), Instant.parse(require(fields, "since")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Writes the state atomically (temp file + move).
     *
     * @param saved the state
     * @throws IOException if it could not be written
     */
    void save(Saved saved) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("state", saved.state().name());
        fields.put("reason", saved.reason());
        fields.put("by", saved.by());
        fields.put("since", saved.since().toString());
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> sb.append(sb.length() > 1 ? ",\n " : "\n ").append(JsonText.quote(k)).append(": ")
                .append(JsonText.quote(v)));
        sb.append("\n}\n");
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String require(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("field '" + key + "' is missing");
        }
        return v;
    }

    /** Parses a flat JSON object whose values are all strings. */
    private static Map<String, String> parse(String text) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        int[] pos = {0};
        expect(text, pos, '{');
        skip(text, pos);
        if (peek(text, pos) == '}') {
            pos[0]++;
        } else {
            while (true) {
                String key = string(text, pos);
                expect(text, pos, ':');
                out.put(key, string(text, pos));
                skip(text, pos);
                char c = next(text, pos);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new IOException("expected ',' or '}' at character " + (pos[0] - 1));
                }
            }
        }
        skip(text, pos);
        if (pos[0] != text.length()) {
            throw new IOException("unexpected text after the object at character " + pos[0]);
        }
        return out;
    }

    private static String string(String text, int[] pos) throws IOException {
        expect(text, pos, '"');
        try {
            JsonText.Literal literal = JsonText.read(text, pos[0], JsonText.Syntax.LENIENT);
            pos[0] = literal.end();
            return literal.value();
        } catch (JsonText.Malformed e) {
            throw new IOException(switch (e.problem()) {
                case TRUNCATED_UNICODE -> "truncated \\u escape at character " + (e.index() + 2);
                case BAD_UNICODE -> "bad \\u escape at character " + (e.index() + 2);
                default -> "unexpected end of the file";
            });
        }
    }

    private static void expect(String text, int[] pos, char wanted) throws IOException {
        skip(text, pos);
        char c = next(text, pos);
        if (c != wanted) {
            throw new IOException("expected '" + wanted + "' at character " + (pos[0] - 1) + ", found '" + c + "'");
        }
    }

    private static char next(String text, int[] pos) throws IOException {
        if (pos[0] >= text.length()) {
            throw new IOException("unexpected end of the file");
        }
        return text.charAt(pos[0]++);
    }

    private static char peek(String text, int[] pos) throws IOException {
        if (pos[0] >= text.length()) {
            throw new IOException("unexpected end of the file");
        }
        return text.charAt(pos[0]);
    }

    private static void skip(String text, int[] pos) {
        while (pos[0] < text.length() && Character.isWhitespace(text.charAt(pos[0]))) {
            pos[0]++;
        }
    }
}
