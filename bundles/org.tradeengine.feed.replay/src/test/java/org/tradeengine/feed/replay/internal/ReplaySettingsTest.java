// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.Venue;

class ReplaySettingsTest {

    private static ReplayFeed.Config config(String venue, String speed, long delay, String... files) {
        return new ReplayFeed.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ReplayFeed.Config.class;
            }

            @Override
            public String feed_id() {
                return " btc ";
            }

            @Override
            public String venue() {
                return venue;
            }

            @Override
            public String[] files() {
                return files;
            }

            @Override
            public String speed() {
                return speed;
            }

            @Override
            public boolean loop() {
                return true;
            }

            @Override
            public boolean waitForListener() {
                return false;
            }

            @Override
            public long startDelayMillis() {
                return delay;
            }
        };
    }

    @Test
    void readsACfgFileWhoseFilesAreOneCommaSeparatedString() {
        String home = System.getProperty("karaf.home");
        System.setProperty("karaf.home", "/opt/te");
        try {
            ReplaySettings s = ReplaySettings.of(config("BINANCE_SPOT", "2.5", 100,
                    "recordings/a.gz, /data/b.gz", "c.gz"));
            assertEquals("btc", s.feedId());
            assertEquals(Venue.BINANCE_SPOT, s.venue());
            assertEquals(List.of(Path.of("/opt/te/recordings/a.gz"), Path.of("/data/b.gz"), Path.of("/opt/te/c.gz")),
                    s.files());
            assertEquals(new BigDecimal("2.5"), s.speed());
            assertEquals(100, s.startDelayMillis());
        } finally {
            if (home == null) {
                System.clearProperty("karaf.home");
            } else {
                System.setProperty("karaf.home", home);
            }
        }
    }

    @Test
    void rejectsANegativeStartDelay() {
        assertEquals("feed btc: startDelayMillis must not be negative", assertThrows(IllegalArgumentException.class,
                () -> ReplaySettings.of(config("binance-futures", "1", -1, "a.gz"))).getMessage());
    }
}
