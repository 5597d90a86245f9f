// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class RecorderSettingsTest {

    private static RecorderComponent.Config config(String dir, String[] feeds, int capacity, String rotate) {
        return new RecorderComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RecorderComponent.Config.class;
            }

            @Override
            public String dir() {
                return dir;
            }

            @Override
            public String[] feeds() {
                return feeds;
            }

            @Override
            public int queue_capacity() {
                return capacity;
            }

            @Override
            public long queue_maxBytes() {
                return 1000;
            }

            @Override
            public String rotate() {
                return rotate;
            }
        };
    }

    private static UnaryOperator<String> props(Map<String, String> values) {
        return values::get;
    }

    private static final String DEFAULT_DIR = "${karaf.data}/recordings";
    private static final Path CWD = Path.of("").toAbsolutePath();

    @Test
    void defaultFolderIsUnderKarafData() {
        RecorderSettings s = RecorderSettings.of(config(DEFAULT_DIR, new String[0], 7, "hourly"),
                props(Map.of("karaf.data", "/opt/te/data", "karaf.home", "/opt/te")));
        assertEquals(Path.of("/opt/te/data/recordings"), s.dir());
        assertEquals(Set.of(), s.feeds());
        assertEquals(7, s.queueCapacity());
        assertEquals(1000, s.queueMaxBytes());
        assertEquals(true, s.records("anything"));
    }

    @Test
    void withoutKarafDataTheFolderFallsBackToKarafHomeThenTheWorkingDirectory() {
        assertEquals(Path.of("/opt/te/recordings"), RecorderSettings.resolveDir(DEFAULT_DIR, props(Map.of("karaf.home", "/opt/te"))));
        assertEquals(CWD.resolve("recordings"), RecorderSettings.resolveDir(DEFAULT_DIR, props(Map.of())));
    }

    @Test
    void relativeFoldersResolveAgainstKarafHomeAndAbsoluteOnesStay() {
        assertEquals(Path.of("/opt/te/rec/raw"), RecorderSettings.resolveDir(" rec/raw ", props(Map.of("karaf.home", "/opt/te"))));
        assertEquals(CWD.resolve("rec"), RecorderSettings.resolveDir("rec", props(Map.of())));
        assertEquals(Path.of("/data/raw"), RecorderSettings.resolveDir("/data/raw", props(Map.of("karaf.home", "/opt/te"))));
        assertEquals(Path.of("/opt/te/x"), RecorderSettings.resolveDir("${karaf.home}/x", props(Map.of("karaf.home", "/opt/te"))));
    }

    @Test
    void feedsAreACommaList() {
        RecorderSettings s = RecorderSettings.of(config("/r", new String[] {"binance-usdm, kraken ,", " binance-us"}, 1, " Hourly "),
                props(Map.of()));
        assertEquals(Set.of("binance-usdm", "kraken", "binance-us"), s.feeds());
        assertEquals(true, s.records("kraken"));
        assertEquals(false, s.records("replay"));
    }

    @Test
    void wrongValuesNameTheKey() {
        assertEquals("queue.capacity must be at least 1, not 0", assertThrows(IllegalArgumentException.class,
                () -> RecorderSettings.of(config("/r", null, 0, "hourly"), props(Map.of()))).getMessage());
        assertEquals("rotate: only 'hourly' is supported, not 'daily'", assertThrows(IllegalArgumentException.class,
                () -> RecorderSettings.of(config("/r", null, 1, "daily"), props(Map.of()))).getMessage());
        assertEquals("dir must not be empty (default: ${karaf.data}/recordings)", assertThrows(IllegalArgumentException.class,
                () -> RecorderSettings.of(config(" ", null, 1, "hourly"), props(Map.of()))).getMessage());
    }
}
