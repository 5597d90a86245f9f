// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * One open recording file: a gzip stream of {@code <localTimeNanos> <message>\n} lines for one feed, one
 * instrument (or the session) and one UTC hour. Used by the writer thread only.
 *
 * <p>Lines are buffered before the deflater; {@link #flush()} pushes them through with a gzip sync flush, so what
 * was flushed can be read back even if the process dies before {@link #finish()} writes the gzip trailer.
 */
final class HourFile {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_SIBLINGS = 10_000;

    private final Path path;
    private final long hour;
    private final OutputStream file;
    private final OutputStream out;
    private final byte[] digits = new byte[20];
    private long lines;
    private long bytes;
    private long unflushedLines;
    private long unflushedBytes;

    private HourFile(Path path, long hour, OutputStream file, OutputStream out) {
        this.path = path;
        this.hour = hour;
        this.file = file;
        this.out = out;
    }

    /**
     * Creates the hour's file, or its first free numbered sibling ({@code _HH.1.gz}, {@code _HH.2.gz} ...) if one
     * already exists: an existing file is never overwritten or appended to.
     *
     * @param folder the feed's folder (created if missing)
     * @param base from {@link FileNames#base}
     * @param hour the UTC hour counted from the epoch
     * @return the open file
     * @throws IOException if the folder or the file cannot be created
     */
    static HourFile create(Path folder, String base, long hour) throws IOException {
        Files.createDirectories(folder);
        for (int n = 0; n < MAX_SIBLINGS; n++) {
            Path p = folder.resolve(FileNames.fileName(base, hour, n));
            OutputStream file;
            try {
                file = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            try {
                return new HourFile(p, hour, file, new BufferedOutputStream(new GZIPOutputStream(file, BUFFER, true), BUFFER));
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        }
        throw new IOException(folder.resolve(FileNames.fileName(base, hour, 0)) + " and " + MAX_SIBLINGS
                + " numbered siblings already exist");
    }

    /**
     * Appends one line.
     *
     * @param localTimeNanos the receive time
     * @param message the message, without CR or LF
     * @return the bytes of the line, newline included
     * @throws IOException if writing fails
     */
    long write(long localTimeNanos, byte[] message) throws IOException {
        int n = digits(localTimeNanos);
        out.write(digits, digits.length - n, n);
        out.write(' ');
        out.write(message);
        out.write('\n');
        long size = n + 2L + message.length;
        lines++;
        bytes += size;
        unflushedLines++;
        unflushedBytes += size;
        return size;
    }

    private int digits(long value) {
        if (value < 0) {
            byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, digits, digits.length - text.length, text.length);
            return text.length;
        }
        int i = digits.length;
        do {
            digits[--i] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        return digits.length - i;
    }

    /** @return whether lines were written since the last flush */
    boolean dirty() {
        return unflushedLines > 0;
    }

    /**
     * Makes everything written so far readable from the file (gzip sync flush).
     *
     * @throws IOException if writing fails
     */
    void flush() throws IOException {
        out.flush();
        unflushedLines = 0;
        unflushedBytes = 0;
    }

    /**
     * Flushes, writes the gzip trailer and closes the file: a complete, valid {@code .gz}.
     *
     * @throws IOException if writing fails (the file is closed anyway)
     */
    void finish() throws IOException {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
        unflushedLines = 0;
        unflushedBytes = 0;
    }

    /** Closes the file after an error, ignoring further errors. */
    void abandon() {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // the error that made us abandon it has been reported
        }
        try {
            file.close();
        } catch (IOException | RuntimeException e) {
            // same
        }
    }

    Path path() {
        return path;
    }

    long hour() {
        return hour;
    }

    long lines() {
        return lines;
    }

    long bytes() {
        return bytes;
    }

    /** @return lines written since the last successful flush: lost if the file fails now */
    long unflushedLines() {
        return unflushedLines;
    }

    /** @return bytes of {@link #unflushedLines()} */
    long unflushedBytes() {
        return unflushedBytes;
    }
}
