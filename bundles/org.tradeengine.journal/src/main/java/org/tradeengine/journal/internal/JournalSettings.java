// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JournalService} runs.
 *
 * @param spoolDir the spool directory (keep it across restarts: it holds what the database does not have yet)
 * @param batchSize most records written to the database in one transaction
 * @param segmentBytes spool segment size; a drained spool holds at most one segment
 * @param retryInitial first wait after the database failed; doubles up to {@code retryMax}
 * @param retryMax longest wait between two attempts while the database is down
 * @param closeTimeout how long {@code close()} keeps writing the backlog while the database takes it
 */
public record JournalSettings(Path spoolDir, int batchSize, long segmentBytes, Duration retryInitial, Duration retryMax,
        Duration closeTimeout) {

    /**
     * Validates the settings.
     *
     * @param spoolDir spool directory
     * @param batchSize batch size
     * @param segmentBytes segment size
     * @param retryInitial first retry wait
     * @param retryMax longest retry wait
     * @param closeTimeout close timeout
     */
    public JournalSettings {
        Objects.requireNonNull(spoolDir, "spoolDir");
        if (batchSize < 1 || segmentBytes < 1024 || retryInitial.isNegative() || retryInitial.isZero()
                || retryMax.compareTo(retryInitial) < 0 || closeTimeout.isNegative()) {
            throw new IllegalArgumentException("journal settings out of range: batchSize " + batchSize
                    + " (>= 1), segmentBytes " + segmentBytes + " (>= 1024), retry " + retryInitial + ".." + retryMax
                    + ", closeTimeout " + closeTimeout);
        }
    }

    /**
     * The defaults: batches of 500, 16 MiB segments, retry after 200 ms doubling to 30 s, 10 s to drain on close.
     *
     * @param spoolDir the spool directory
     * @return settings
     */
    public static JournalSettings defaults(Path spoolDir) {
        return new JournalSettings(spoolDir, 500, 16L * 1024 * 1024, Duration.ofMillis(200), Duration.ofSeconds(30),
                Duration.ofSeconds(10));
    }

    /**
     * @param initial first wait
     * @param max longest wait
     * @return these settings with other retry waits
     */
    public JournalSettings withRetry(Duration initial, Duration max) {
        return new JournalSettings(spoolDir, batchSize, segmentBytes, initial, max, closeTimeout);
    }

    /**
     * @param bytes segment size
     * @return these settings with another segment size
     */
    public JournalSettings withSegmentBytes(long bytes) {
        return new JournalSettings(spoolDir, batchSize, bytes, retryInitial, retryMax, closeTimeout);
    }

    /**
     * @param size batch size
     * @return these settings with another batch size
     */
    public JournalSettings withBatchSize(int size) {
        return new JournalSettings(spoolDir, size, segmentBytes, retryInitial, retryMax, closeTimeout);
    }

    /**
     * @param timeout close timeout
     * @return these settings with another close timeout
     */
    public JournalSettings withCloseTimeout(Duration timeout) {
        return new JournalSettings(spoolDir, batchSize, segmentBytes, retryInitial, retryMax, timeout);
    }
}
