// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.Venue;

class PaperSettingsTest {

    @Test
    void withoutAConfigurationTheDocumentedDefaultsApply() {
        PaperSettings s = TestConfig.settings(Map.of());
        assertEquals(50_000_000L, s.latencyNanos());
        assertRates(s, Venue.BINANCE_FUTURES, "0.0002", "0.0005");
        assertRates(s, Venue.BINANCE_SPOT, "0.001", "0.001");
        assertRates(s, Venue.BINANCE_US, "0.001", "0.001");
        assertRates(s, Venue.KRAKEN_FUTURES, "0.0002", "0.0005");
        assertTrue(s.problems().isEmpty());
    }

    private static void assertRates(PaperSettings s, Venue v, String maker, String taker) {
        assertEquals(dec(maker), s.feesOf(v).maker(), v + " maker");
        assertEquals(dec(taker), s.feesOf(v).taker(), v + " taker");
    }

    @Test
    void ratesAreParsedExactlyFromTheirDecimalText() {
        PaperSettings s = TestConfig.settings(Map.of("fee.KRAKEN_FUTURES.taker", " 0.00050000000000000001 ",
                "fee.BINANCE_SPOT.maker", "0.00075", "latency.ms", "0"));
        assertEquals(dec("0.00050000000000000001"), s.feesOf(Venue.KRAKEN_FUTURES).taker());
        assertEquals(dec("0.00075"), s.feesOf(Venue.BINANCE_SPOT).maker());
        assertEquals(0, s.latencyNanos());
    }

    @Test
    void aBadValueFallsBackToItsDefaultAndSaysWhichKeyAndWhy() {
        PaperSettings s = TestConfig.settings(Map.of("fee.BINANCE_FUTURES.taker", "5bp", "fee.BINANCE_US.maker", "0.1",
                "latency.ms", "-5"));
        assertRates(s, Venue.BINANCE_FUTURES, "0.0002", "0.0005");
        assertRates(s, Venue.BINANCE_US, "0.001", "0.001");
        assertEquals(50_000_000L, s.latencyNanos());
        assertEquals(3, s.problems().size(), s.problems().toString());
        String all = String.join("\n", s.problems());
        assertTrue(all.contains("latency.ms = -5 is out of range"), all);
        assertTrue(all.contains("fee.BINANCE_FUTURES.taker = '5bp' is not a decimal number"), all);
        assertTrue(all.contains("fee.BINANCE_US.maker = 0.1 is outside -0.01..0.01"), all);
    }

    @Test
    void theMetatypeKeysAreTheDocumentedOnes() throws IOException {
        String xml;
        try (InputStream in = PaperSettingsTest.class.getResourceAsStream(
                "/OSGI-INF/metatype/org.tradeengine.broker.paper.internal.PaperBrokerComponent$Config.xml")) {
            assertNotNull(in, "bnd generates the metatype before the tests run");
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("AD id=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
            ids.add(m.group(1));
        }
        List<String> expected = new ArrayList<>(List.of("latency.ms", "ledger.file"));
        for (Venue v : Venue.values()) {
            expected.add("fee." + v.name() + ".maker");
            expected.add("fee." + v.name() + ".taker");
        }
        assertEquals(expected.stream().sorted().toList(), ids.stream().sorted().toList());
        assertTrue(xml.contains("<Designate pid=\"org.tradeengine.broker.paper\">"), xml);
        // and the test configuration maps method names to the same keys as the framework
        assertEquals(ids.stream().sorted().toList(), Arrays.stream(PaperBrokerComponent.Config.class.getDeclaredMethods())
                .map(TestConfig::key).sorted().toList());
    }
}
