// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * What the recorder has done since it started; totals are sums over the feeds. Counters are monotonic longs.
 *
 * @param dir the recordings folder
 * @param feeds the feed ids recorded; empty = every feed
 * @param running whether the writer thread runs
 * @param queued messages waiting for the writer thread
 * @param queueCapacity most messages that may wait
 * @param queuedBytes bytes of the waiting messages
 * @param queueMaxBytes most bytes that may wait
 * @param filesOpened files created since start (hour files, rotations and numbered siblings)
 * @param sanitized messages that held CR or LF and were written as one line
 * @param lastError the last disk or internal error ({@code path: error}), empty if none
 * @param perFeed counters of each feed that sent a message, by feed id
 * @param openFiles the files open now, by path
 */
public record RecorderStatus(Path dir, List<String> feeds, boolean running, int queued, int queueCapacity, long queuedBytes,
        long queueMaxBytes, long filesOpened, long sanitized, String lastError, List<Feed> perFeed, List<OpenFile> openFiles) {

    /**
     * Copies the lists.
     *
     * @param dir the recordings folder
     * @param feeds the feed ids recorded
     * @param running whether the writer thread runs
     * @param queued messages waiting
     * @param queueCapacity most messages that may wait
     * @param queuedBytes bytes waiting
     * @param queueMaxBytes most bytes that may wait
     * @param filesOpened files created
     * @param sanitized messages written as one line after removing CR/LF
     * @param lastError last error or empty
     * @param perFeed per-feed counters
     * @param openFiles files open now
     */
    public RecorderStatus {
        feeds = List.copyOf(feeds);
        perFeed = List.copyOf(perFeed);
        openFiles = List.copyOf(openFiles);
    }

    /** @return lines written, all feeds */
    public long messagesWritten() {
        return perFeed.stream().mapToLong(Feed::messages).sum();
    }

    /** @return uncompressed bytes written (lines with time stamp and newline), all feeds */
    public long bytesWritten() {
        return perFeed.stream().mapToLong(Feed::bytes).sum();
    }

    /** @return messages dropped because the queue was full, all feeds */
    public long droppedQueueFull() {
        return perFeed.stream().mapToLong(Feed::droppedQueueFull).sum();
    }

    /** @return messages lost to disk or internal errors, all feeds */
    public long droppedErrors() {
        return perFeed.stream().mapToLong(Feed::droppedErrors).sum();
    }

    /** @return disk or internal errors (failed opens, writes, flushes, closes; bad calls), all feeds */
    public long errors() {
        return perFeed.stream().mapToLong(Feed::errors).sum();
    }

    /**
     * One feed's counters.
     *
     * @param feedId the feed
     * @param messages lines written
     * @param bytes uncompressed bytes written
     * @param droppedQueueFull messages dropped because the queue was full
     * @param droppedErrors messages lost to errors
     * @param errors errors
     */
    public record Feed(String feedId, long messages, long bytes, long droppedQueueFull, long droppedErrors, long errors) {
    }

    /**
     * A file open now.
     *
     * @param file the file
     * @param feedId the feed it records
     * @param lines lines written to it
     * @param bytes uncompressed bytes written to it
     */
    public record OpenFile(Path file, String feedId, long lines, long bytes) {
    }
}
