// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.tradeengine.recordings.Recordings;

/** Reads and writes recordings for tests (plain Java, independent of the code under test). */
public final class TestData {

    private TestData() {
    }

    /**
     * @param name a {@link Recordings} constant
     * @return the decompressed lines
     */
    public static List<String> lines(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Recordings.open(name)),
                StandardCharsets.US_ASCII))) {
            List<String> lines = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a {@link Recordings} constant
     * @return the first line of the recording that contains {@code text}
     */
    public static String firstLineWith(String name, String text) {
        return lines(name).stream().filter(l -> l.contains(text)).findFirst().orElseThrow();
    }

    /**
     * Writes lines as a gzip recording.
     *
     * @param file target
     * @param lines the lines
     * @return the file
     */
    public static Path writeGzip(Path file, List<String> lines) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String l : lines) {
                out.write(l.getBytes(StandardCharsets.US_ASCII));
                out.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
