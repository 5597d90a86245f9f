// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Resolving the configured rules folder and the history file against the Karaf folders. */
class RulesSettingsTest {

    private static final Map<String, String> KARAF = Map.of("karaf.home", "/opt/karaf", "karaf.data", "/var/karaf/data",
            "karaf.etc", "/opt/karaf/etc", "user.dir", "/work", "java.io.tmpdir", "/tmp");
    private static final Map<String, String> PLAIN = Map.of("user.dir", "/work", "java.io.tmpdir", "/tmp");

    @Test
    void theDefaultIsTheRulesFolderOfKarafHome() {
        RulesSettings s = RulesSettings.resolve("${karaf.home}/rules", 200, 500, KARAF::get);
        assertEquals(Path.of("/opt/karaf/rules"), s.rulesDir());
        assertEquals(Path.of("/var/karaf/data/rules/deployments.jsonl"), s.historyFile());
        assertEquals(Duration.ofMillis(200), s.debounce());
        assertEquals(500, s.historySize());
    }

    @Test
    void aRelativeFolderResolvesAgainstKarafHome() {
        assertEquals(Path.of("/opt/karaf/conf/rules"), RulesSettings.resolve("conf/./rules", 200, 500, KARAF::get).rulesDir());
        assertEquals(Path.of("/srv/rules"), RulesSettings.resolve("/srv/rules", 200, 500, KARAF::get).rulesDir());
        assertEquals(Path.of("/opt/karaf/etc/rules"), RulesSettings.resolve("${karaf.etc}/rules", 200, 500, KARAF::get).rulesDir());
    }

    @Test
    void outsideKarafTheWorkingFolderAndTheTempFolderAreUsed() {
        RulesSettings s = RulesSettings.resolve("${karaf.home}/rules", -5, 0, PLAIN::get);
        assertEquals(Path.of("/work/rules"), s.rulesDir());
        assertEquals(Path.of("/tmp/tradeengine-rules/deployments.jsonl"), s.historyFile());
        assertEquals(Duration.ZERO, s.debounce());
        assertEquals(1, s.historySize());
    }

    @Test
    void anUnsetPlaceholderIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RulesSettings.resolve("${rules.home}/x", 200, 500, KARAF::get));
        assertTrue(e.getMessage().contains("${rules.home}"), e.getMessage());
    }
}
