// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.tradeengine.feed.core.io.RecordingReader;

/** Test helpers: reading what the recorder wrote, independently of it, and waiting for the writer thread. */
public final class RecorderFiles {

    private RecorderFiles() {
    }

    /** @return epoch nanoseconds of an ISO instant such as {@code 2024-08-08T10:59:59.900Z} */
    public static long nanos(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /**
     * Reads a complete gzip file: fails if the stream is truncated (no trailer) or corrupt.
     *
     * @return its lines, without the newlines
     */
    public static List<String> completeLines(Path gz) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return split(in.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(gz + " is not a complete gzip file: " + e, e);
        }
    }

    /**
     * Reads what can be read of a gzip file that may still be open (sync-flushed, no trailer yet).
     *
     * @return its complete lines
     */
    public static List<String> readableLines(Path gz) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            byte[] buf = new byte[8192];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                data.write(buf, 0, n);
            }
        } catch (EOFException e) {
            // the end of what was flushed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = data.toByteArray();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return split(Arrays.copyOf(bytes, end));
    }

    private static List<String> split(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        if (!text.endsWith("\n")) {
            fail("last line has no newline: " + text.substring(Math.max(0, text.length() - 80)));
        }
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    /** @return every line of the files through the replay side's reader, as exact bytes */
    public static List<byte[]> readerLines(List<Path> files) {
        List<byte[]> lines = new ArrayList<>();
        try (RecordingReader r = new RecordingReader(files)) {
            while (r.next()) {
                lines.add(Arrays.copyOfRange(r.buffer(), r.lineStart(), r.lineEnd()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** @return every regular file under the folder, as paths relative to it, sorted */
    public static List<String> tree(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (generously) for a condition the writer thread brings about. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
