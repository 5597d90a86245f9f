// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.feed.core.TestData;

class RecordingReaderTest {

    @TempDir
    Path dir;

    private static List<String> read(RecordingReader r) throws IOException {
        List<String> lines = new ArrayList<>();
        while (r.next()) {
            lines.add(r.position() + " " + new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(),
                    StandardCharsets.US_ASCII));
        }
        return lines;
    }

    @Test
    void readsGzipAndPlainFilesInOrderAsOneStreamWithTheirLineNumbers() throws IOException {
        Path a = TestData.writeGzip(dir.resolve("a.dat"), List.of("1 x", "2 y"));
        Path b = Files.writeString(dir.resolve("b.gz"), "3 z\r\n\n4 w", StandardCharsets.US_ASCII);   // plain, misnamed
        try (RecordingReader r = new RecordingReader(List.of(a, b))) {
            assertEquals(List.of(a + ":1 1 x", a + ":2 2 y", b + ":1 3 z", b + ":2 ", b + ":3 4 w"), read(r));
            assertFalse(r.next());
        }
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String longLine = "9 " + "x".repeat(3_000_000);
        Path a = TestData.writeGzip(dir.resolve("long.gz"), List.of("1 a", longLine, "2 b"));
        try (RecordingReader r = new RecordingReader(List.of(a))) {
            List<String> lines = read(r);
            assertEquals(3, lines.size());
            assertEquals(a + ":2 " + longLine, lines.get(1));
            assertEquals(a + ":3 2 b", lines.get(2));
        }
    }

    @Test
    void namesAMissingFile() throws IOException {
        Path a = TestData.writeGzip(dir.resolve("a.gz"), List.of("1 x"));
        Path missing = dir.resolve("missing.gz");
        try (RecordingReader r = new RecordingReader(List.of(a, missing))) {
            r.next();
            NoSuchFileException e = assertThrows(NoSuchFileException.class, r::next);
            assertEquals(missing.toString(), e.getMessage());
        }
    }
}
