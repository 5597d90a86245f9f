// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.tradeengine.api.model.InstrumentId;

/**
 * Names of the recording files: {@code <dir>/<feedId>/<venue symbol lower-case>_<yyyyMMdd>_<HH>[.N].gz}, and
 * {@code _session_<yyyyMMdd>_<HH>.gz} for messages without an instrument. Hours are UTC hours counted from the epoch.
 */
final class FileNames {

    /** The base name of a feed's session messages (acks, heartbeats, rejected messages). */
    static final String SESSION = "_session";

    private static final long NANOS_PER_HOUR = 3_600_000_000_000L;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMdd_HH", Locale.ROOT);

    private FileNames() {
    }

    /**
     * @param epochNanos a time, epoch nanoseconds
     * @return its UTC hour, counted from the epoch
     */
    static long hourOf(long epochNanos) {
        return Math.floorDiv(epochNanos, NANOS_PER_HOUR);
    }

    /**
     * @param hour a UTC hour counted from the epoch
     * @return the epoch milliseconds at which it ends
     */
    static long hourEndMillis(long hour) {
        return (hour + 1) * 3_600_000L;
    }

    /**
     * @param instrument the instrument, or null for session messages
     * @return the base of its file names: the venue symbol in lower case, or {@link #SESSION}
     */
    static String base(InstrumentId instrument) {
        return instrument == null ? SESSION : safe(instrument.venueSymbol().toLowerCase(Locale.ROOT));
    }

    /**
     * @param base from {@link #base}
     * @param hour a UTC hour counted from the epoch
     * @param sibling 0 for the hour's file, N for the N-th file of the same hour (after a restart or an error)
     * @return the file name
     */
    static String fileName(String base, long hour, int sibling) {
        String stamp = LocalDateTime.ofEpochSecond(hour * 3600, 0, ZoneOffset.UTC).format(HOUR);
        return base + "_" + stamp + (sibling == 0 ? "" : "." + sibling) + ".gz";
    }

    /**
     * Makes an id safe as a single path element: letters, digits, {@code . _ -} stay, anything else becomes {@code _};
     * {@code .} and {@code ..} are not left alone.
     *
     * @param id a feed id or a symbol
     * @return the folder or file name part
     */
    static String safe(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            sb.append(ok ? c : '_');
        }
        String s = sb.toString();
        return s.isEmpty() || s.chars().allMatch(c -> c == '.') ? "_" + s : s;
    }
}
