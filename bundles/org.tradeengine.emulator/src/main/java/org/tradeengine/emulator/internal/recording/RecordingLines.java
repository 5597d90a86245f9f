// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.recording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.tradeengine.recordings.Recordings;

/** Reads the bundled recordings line by line and parses the cryptofeed line formats. */
public final class RecordingLines {

    private RecordingLines() {
    }

    /**
     * @param name a {@link Recordings} constant; {@code .gz} files are decompressed
     * @return all lines
     */
    public static List<String> read(String name) {
        try (InputStream raw = Recordings.open(name);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + name, e);
        }
    }

    /**
     * @param seconds cryptofeed receive time such as {@code 1633998274.723671}
     * @return nanoseconds
     */
    public static long secondsToNanos(String seconds) {
        int dot = seconds.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(seconds) * 1_000_000_000L;
        }
        String frac = (seconds.substring(dot + 1) + "000000000").substring(0, 9);
        return Long.parseLong(seconds.substring(0, dot)) * 1_000_000_000L + Long.parseLong(frac);
    }

    /**
     * Splits a cryptofeed server frame line {@code <ts>: <frame>}.
     *
     * @param line the line
     * @return {ts, frame}, or null when the line is not a server frame (connect or client lines)
     */
    public static String[] serverFrame(String line) {
        if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
            return null;
        }
        int colon = line.indexOf(": ");
        return colon < 0 ? null : new String[] {line.substring(0, colon), line.substring(colon + 2)};
    }

    /**
     * Splits a cryptofeed REST line {@code <url> -> <ts>: <body>}.
     *
     * @param line the line
     * @return {url, ts, body}, or null when the line is not a REST record
     */
    public static String[] restRecord(String line) {
        int arrow = line.indexOf(" -> ");
        if (arrow < 0) {
            return null;
        }
        int colon = line.indexOf(": ", arrow + 4);
        if (colon < 0) {
            return null;
        }
        return new String[] {line.substring(0, arrow), line.substring(arrow + 4, colon), line.substring(colon + 2)};
    }

    /**
     * @param name a cryptofeed {@code *.0} file
     * @return the REST body of its request line
     */
    public static String restBody(String name) {
        for (String line : read(name)) {
            String[] rec = restRecord(line);
            if (rec != null && rec[0].startsWith("http")) {
                return rec[2];
            }
        }
        throw new IllegalStateException("no REST body in recording " + name);
    }
}
