// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.Venue;

class PaperBrokerComponentTest {

    @TempDir
    Path dir;

    private static OrderIntent buy(String id, String qty, long ms) {
        return new OrderIntent(id, "", Harness.BTC_PERP.id(), Side.BUY, OrderType.MARKET, Quantity.parse(qty, 3), null,
                false, "test", Harness.at(ms));
    }

    @Test
    void isAPaperBrokerAndABookObserverWithDefaults() throws IOException {
        PaperBrokerComponent c = new PaperBrokerComponent(TestConfig.defaults(), Map.of("karaf.data", dir.toString())::get);
        assertEquals(Venue.PAPER, c.venue());
        assertFalse(c.isLive());
        Path ledger = dir.resolve("paper").resolve("ledger.log");
        assertEquals(ledger.toString(), c.status().ledger().file(), "${karaf.data} expanded from the framework");
        assertTrue(Files.isRegularFile(ledger));
        c.deactivate();
        String xml;
        try (InputStream in = getClass().getResourceAsStream(
                "/OSGI-INF/org.tradeengine.broker.paper.internal.PaperBrokerComponent.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("<property name=\"venue\" type=\"String\" value=\"PAPER\"/>"), xml);
        assertTrue(xml.contains("interface=\"org.tradeengine.api.broker.Broker\""), xml);
        assertTrue(xml.contains("interface=\"org.tradeengine.api.broker.BookObserver\""), xml);
        assertTrue(xml.contains("configuration-policy=\"optional\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
        assertTrue(xml.contains("deactivate=\"deactivate\""), xml);
        assertTrue(xml.contains("interface=\"org.tradeengine.broker.paper.internal.PaperBrokerComponent\""), xml);
        String ocd;
        try (InputStream in = getClass().getResourceAsStream(
                "/OSGI-INF/metatype/org.tradeengine.broker.paper.internal.PaperBrokerComponent$Config.xml")) {
            ocd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(ocd.contains("id=\"ledger.file\"") && ocd.contains("default=\"${karaf.data}/paper/ledger.log\""),
                ocd);
    }

    @Test
    void anUnknownPlaceholderIsKeptAndOtherPlaceholdersExpand() {
        assertEquals("/x/paper/l.log", PaperBrokerComponent.expand("${karaf.data}/paper/l.log", Map.of("karaf.data",
                "/x")::get));
        assertEquals("${no.such.property.anywhere}/l.log", PaperBrokerComponent.expand("${no.such.property.anywhere}/l.log",
                k -> null));
        assertEquals(null, PaperBrokerComponent.ledgerFile(TestConfig.of(Map.of("ledger.file", "  ")), k -> null),
                "blank: memory only");
    }

    @Test
    void aConfigurationChangeKeepsPositionsAndOrdersAndAppliesToNewOrders() {
        PaperBrokerComponent c = new PaperBrokerComponent(TestConfig.of(Map.of("ledger.file", "")), k -> null);
        List<OrderEvent> events = new ArrayList<>();
        c.addListener(events::add);
        SyntheticBook book = new SyntheticBook(Harness.BTC_PERP).bids("99.9:5").asks("100.0:5");
        c.onBook(book, Harness.nanos(0));
        c.submit(buy("a", "1", 0));
        c.onBook(book, Harness.nanos(50));
        assertEquals(0, dec("1").compareTo(c.positions().get(Harness.BTC_PERP.id())));

        c.modified(TestConfig.of(Map.of("latency.ms", "500", "fee.BINANCE_FUTURES.taker", "0.001", "ledger.file", "")));
        assertEquals(0, dec("1").compareTo(c.positions().get(Harness.BTC_PERP.id())), "kept across the change");
        c.submit(buy("b", "1", 50));
        c.onBook(book, Harness.nanos(100));
        assertTrue(events.stream().noneMatch(e -> e.clientOrderId().equals("b") && e.isFill()), "new latency: 500 ms");
        assertEquals(1, c.openOrders().size());
        c.onBook(book, Harness.nanos(550));
        OrderEvent fill = events.stream().filter(e -> e.clientOrderId().equals("b") && e.isFill()).findFirst().orElseThrow();
        assertEquals(0, dec("100.0").multiply(dec("1")).multiply(dec("0.001")).compareTo(fill.fee()));
        assertEquals(Type.FILL, fill.type());
        c.removeListener(events::add);
    }
}
