// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a spool directory: numbered segments {@code journal-000000000001.spool} (JSON lines), the committed
 * offset {@code journal.offset} (replaced atomically) and {@code rejected.jsonl} (lines that could not be read).
 */
final class SpoolDirectory {

    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{12})\\.spool");
    static final String OFFSET_FILE = "journal.offset";
    static final String REJECTED_FILE = "rejected.jsonl";

    /**
     * Where the database has everything before.
     *
     * @param segment segment number
     * @param position byte position in it
     * @param lastSeq sequence number of the last committed record, 0 if none
     */
    record Offset(long segment, long position, long lastSeq) {
    }

    private final Path dir;

    SpoolDirectory(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    Path dir() {
        return dir;
    }

    Path segment(long number) {
        return dir.resolve(String.format("journal-%012d.spool", number));
    }

    /** @return the segment numbers present, ascending */
    List<Long> segments() throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = SEGMENT.matcher(f.getFileName().toString());
                if (m.matches()) {
                    numbers.add(Long.parseLong(m.group(1)));
                }
            });
        }
        numbers.sort(null);
        return numbers;
    }

    /**
     * Reads the committed offset.
     *
     * @return the offset, or null if there is none
     * @throws IllegalArgumentException if the file is unreadable (the caller starts over: replays are idempotent)
     * @throws IOException on a read error
     */
    Offset readOffset() throws IOException {
        Path f = dir.resolve(OFFSET_FILE);
        if (!Files.exists(f)) {
            return null;
        }
        String[] parts = Files.readString(f, StandardCharsets.US_ASCII).trim().split(" ");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException(parts.length + " values");
            }
            return new Offset(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f + " is not '<segment> <position> <lastSeq>' (" + e.getMessage() + ")");
        }
    }

    /** Durably replaces the offset file: write a temporary file, fsync it, rename it over the old one. */
    void writeOffset(Offset offset) throws IOException {
        Path tmp = dir.resolve(OFFSET_FILE + ".tmp");
        byte[] text = (offset.segment() + " " + offset.position() + " " + offset.lastSeq() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, ByteBuffer.wrap(text));
            ch.force(true);
        }
        try {
            Files.move(tmp, dir.resolve(OFFSET_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(OFFSET_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
    }

    /** Appends a line that could not be read to {@code rejected.jsonl}, durably, before its offset is committed. */
    void reject(long segment, long position, String problem, String line) throws IOException {
        String json = "{\"segment\":" + segment + ",\"position\":" + position + ",\"problem\":"
                + quote(problem) + ",\"line\":" + quote(line) + "}\n";
        try (FileChannel ch = FileChannel.open(dir.resolve(REJECTED_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            writeFully(ch, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
    }

    /** Makes a created, renamed or deleted file's directory entry durable (best effort: not every OS allows it). */
    void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on this platform; the rename itself is atomic
        }
    }

    /** @return total bytes of the segment files */
    long sizeBytes() throws IOException {
        long total = 0;
        for (long n : segments()) {
            total += Files.size(segment(n));
        }
        return total;
    }

    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
