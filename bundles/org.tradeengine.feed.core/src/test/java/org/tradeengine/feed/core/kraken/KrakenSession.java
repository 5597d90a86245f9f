// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.kraken;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.tradeengine.recordings.Recordings;

/**
 * The real Kraken Futures session of the cryptofeed sample ({@code <recv_unix_ts>: <frame>} lines for what the server
 * sent, {@code <url> <- <ts>: <json>} for what the client sent), read in plain Java for tests, independent of the code
 * under test. Also converts it to the recorder's format {@code <local ts ns> <frame>}.
 */
public final class KrakenSession {

    /** One server frame. */
    public record Frame(long localTimeNanos, String text) {
    }

    private static List<Frame> frames;

    private KrakenSession() {
    }

    /** @return every frame the server sent, in order, with the receive time in epoch nanoseconds */
    public static synchronized List<Frame> frames() {
        if (frames == null) {
            List<Frame> list = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    Recordings.open(Recordings.CRYPTOFEED_KRAKEN_FUTURES_WS), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    if (l.startsWith("wss://")) {
                        continue; // connect line and client messages
                    }
                    int colon = l.indexOf(": ");
                    long nanos = new BigDecimal(l.substring(0, colon)).movePointRight(9).toBigInteger().longValueExact();
                    list.add(new Frame(nanos, l.substring(colon + 2)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            frames = List.copyOf(list);
        }
        return frames;
    }

    /** @return the frames as recorded lines {@code <local ts ns> <frame>} */
    public static List<String> recordedLines() {
        List<String> lines = new ArrayList<>();
        for (Frame f : frames()) {
            lines.add(f.localTimeNanos() + " " + f.text());
        }
        return lines;
    }

    /**
     * Writes the session in the recorder's line format.
     *
     * @param file target
     * @param gzip compress as the recorder does, or plain text
     * @return the file
     */
    public static Path writeRecording(Path file, boolean gzip) {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            for (String l : recordedLines()) {
                out.write(l.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the product ids of the session's book snapshots, upper case, in order of appearance */
    public static List<String> products() {
        List<String> products = new ArrayList<>();
        for (Frame f : frames()) {
            if (f.text().startsWith("{\"feed\":\"book_snapshot\"")) {
                products.add(ReferenceBooks.field(f.text(), "product_id"));
            }
        }
        return products;
    }
}
