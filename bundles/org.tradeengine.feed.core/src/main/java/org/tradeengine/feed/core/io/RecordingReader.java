// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the lines of several recording files, in order, as one continuous stream of bytes, and knows which
 * file and line it is on. A file may be gzip (detected by its magic bytes, whatever its name) or plain text.
 * Lines are handed out as ranges of an internal buffer that the next {@link #next()} overwrites.
 */
public final class RecordingReader implements Closeable {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int READ_SIZE = 1 << 16;

    private final List<Path> files;
    private int fileIndex = -1;
    private InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int filled;
    private int pos;
    private boolean eof = true;
    private int lineStart;
    private int lineEnd;
    private volatile String fileName = "";
    private volatile long lineNumber;

    /**
     * @param files the files, read in this order (opened one at a time)
     */
    public RecordingReader(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /**
     * Moves to the next line, opening the next file when one ends.
     *
     * @return false when every file has been read
     * @throws IOException if a file cannot be read (the message names it)
     */
    public boolean next() throws IOException {
        while (true) {
            if (readLine()) {
                lineNumber++;
                return true;
            }
            if (!openNext()) {
                return false;
            }
        }
    }

    private boolean readLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < filled; i++) {
                if (buf[i] == '\n') {
                    setLine(pos, i);
                    pos = i + 1;
                    return true;
                }
            }
            scanFrom = filled;
            if (eof) {
                if (pos < filled) {
                    setLine(pos, filled);
                    pos = filled;
                    return true;
                }
                return false;
            }
            scanFrom -= compact();
            fill();
        }
    }

    private void setLine(int from, int to) {
        lineStart = from;
        lineEnd = to > from && buf[to - 1] == '\r' ? to - 1 : to;
    }

    /** Moves the unread bytes to the front (growing the buffer for a long line); returns the shift. */
    private int compact() {
        int shift = pos;
        if (shift > 0) {
            System.arraycopy(buf, pos, buf, 0, filled - pos);
            filled -= pos;
            pos = 0;
        }
        if (buf.length - filled < READ_SIZE) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        return shift;
    }

    private void fill() throws IOException {
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
    }

    private boolean openNext() throws IOException {
        closeCurrent();
        if (fileIndex + 1 >= files.size()) {
            return false;
        }
        Path file = files.get(++fileIndex);
        fileName = file.toString();
        lineNumber = 0;
        pos = 0;
        filled = 0;
        eof = false;
        in = open(file);
        return true;
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), READ_SIZE);
        try {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            return b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2 ? new GZIPInputStream(raw, READ_SIZE) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private void closeCurrent() throws IOException {
        if (in != null) {
            InputStream c = in;
            in = null;
            c.close();
        }
    }

    /** @return the buffer holding the current line */
    public byte[] buffer() {
        return buf;
    }

    /** @return index of the current line's first byte */
    public int lineStart() {
        return lineStart;
    }

    /** @return index after the current line's last byte (terminator excluded) */
    public int lineEnd() {
        return lineEnd;
    }

    /** @return the current file as given (any thread may read it) */
    public String fileName() {
        return fileName;
    }

    /** @return the 1-based number of the current line in its file (any thread may read it) */
    public long lineNumber() {
        return lineNumber;
    }

    /** @return {@code file:line} of the current line */
    public String position() {
        return fileName + ":" + lineNumber;
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
        fileIndex = files.size();
    }
}
