// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.replay.internal.replay.BookReplay;

/**
 * A replay feed's configuration, checked and copied once on activation.
 *
 * @param feedId instance id
 * @param venue the venue the recordings come from
 * @param files recordings, read in order as one stream
 * @param speed 1 = recorded pace, 10 = ten times faster, 0 = as fast as possible
 * @param loop start again from the first file at the end
 * @param waitForListener deliver nothing until a listener is added
 * @param startDelayMillis wait before the first line
 */
record ReplaySettings(String feedId, Venue venue, List<Path> files, BigDecimal speed, boolean loop, boolean waitForListener,
        long startDelayMillis) {

    ReplaySettings {
        files = List.copyOf(files);
    }

    /**
     * @param c the component configuration
     * @return the checked settings
     * @throws IllegalArgumentException saying which key is wrong and why
     */
    static ReplaySettings of(ReplayFeed.Config c) {
        String id = c.feed_id() == null ? "" : c.feed_id().trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("feed.id must not be empty");
        }
        Venue venue;
        try {
            venue = BookReplay.parseVenue(c.venue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feed " + id + ": venue: " + e.getMessage());
        }
        List<Path> files = new ArrayList<>();
        // a .cfg file carries one string: "a.gz, b.gz" arrives as a single element
        for (String entry : c.files() == null ? new String[0] : c.files()) {
            for (String f : entry == null ? new String[0] : entry.split(",")) {
                if (!f.isBlank()) {
                    files.add(FilePaths.resolve(f));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("feed " + id + ": files: no recording configured");
        }
        if (c.startDelayMillis() < 0) {
            throw new IllegalArgumentException("feed " + id + ": startDelayMillis must not be negative");
        }
        BigDecimal speed;
        try {
            speed = Pacer.parseSpeed(c.speed());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feed " + id + ": " + e.getMessage());
        }
        return new ReplaySettings(id, venue, files, speed, c.loop(), c.waitForListener(), c.startDelayMillis());
    }
}
