// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.trading.Alert;
import org.tradeengine.api.trading.TradingStatus;

class KillSwitchTest extends DeskTestSupport {

    private static final String SOL = "SOLUSDT-PERP.BINANCE_FUTURES";
    private final TestBook btc = new TestBook(BTC).quote("61800.10", "61800.20");
    private final TestBook eth = new TestBook(ETH).quote("2999.99", "3000.01");
    private final TestBook sol = new TestBook(SOL).quote("150.00", "150.01");

    /** A long, a short and a resting entry order. */
    private void openBook(Desk d) {
        signal(d, eth, Side.BUY, T0);
        signal(d, btc, Side.SELL, T0);
        paper.restEntries = true;
        signal(d, sol, Side.BUY, T0);
        paper.restEntries = false;
        assertEquals(2, paper.positions.size());
        assertEquals(1, paper.open.size());
    }

    private long count(String severity) {
        return desk.alerts(100).stream().filter(a -> a.severity().equals(severity)).count();
    }

    @Test
    void killEndsFlatLatchedAndAlertedAgainstABrokerThatRejectsAndIgnoresTheFirstAttempts() {
        openBook(desk);
        paper.rejectCancels = 1;
        paper.hangCancels = 1;
        paper.rejectCloses = 1;
        paper.hangCloses = 1;

        TradingStatus fired = desk.kill("operator saw a runaway", "trader");
        assertEquals(TradingState.HALTED, fired.state());
        assertTrue(fired.flattening());

        for (int i = 0; i < 10 && desk.status().flattening(); i++) {
            clock.advance(Duration.ofMillis(RETRY_MS));
            desk.watchdogTick();
        }

        TradingStatus s = desk.status();
        assertFalse(s.flattening());
        assertEquals(TradingState.HALTED, s.state());
        assertEquals("trader", s.by());
        assertEquals("operator saw a runaway", s.reason());
        assertTrue(paper.positions.isEmpty());
        assertTrue(paper.open.isEmpty());
        assertTrue(desk.positions().isEmpty());
        assertEquals(3, paper.cancels.size()); // rejected, unanswered, done
        assertEquals(4, paper.closes().size()); // ETH rejected then filled; BTC unanswered then filled
        assertEquals(1, count("CRITICAL"));
        // one WARN per retry: the rejected cancel, the rejected ETH close, the unanswered BTC close, the unanswered cancel
        assertEquals(4, count("WARN"));
        List<Alert> alerts = desk.alerts(1);
        assertEquals("INFO", alerts.get(0).severity());
        assertTrue(alerts.get(0).message().startsWith("Kill switch confirmed flat"), alerts.get(0).message());
        assertTrue(paper.closes().stream().allMatch(c -> c.reduceOnly() && c.reason().equals("kill-switch")));
    }

    @Test
    void eachCloseCarriesTheClockOfItsOwnInstrument() {
        signal(eth, Side.BUY, T0);
        signal(btc, Side.SELL, T0);
        book(btc, T0.plusSeconds(30)); // the BTC feed's clock runs 30 s ahead of the ETH feed's
        desk.kill("skewed feeds", "trader");
        Map<String, Instant> stamps = new java.util.HashMap<>();
        paper.closes().forEach(c -> stamps.put(c.instrument().toString(), c.createdAt()));
        assertEquals(T0.plusSeconds(30), stamps.get(BTC));
        assertEquals(T0, stamps.get(ETH), "not stamped with the BTC feed's later clock");
    }

    @Test
    void bookEventsAlsoDriveTheRetries() {
        signal(eth, Side.BUY, T0);
        paper.hangCloses = 1;
        desk.kill("test", "trader");
        assertTrue(desk.status().flattening());
        book(eth, T0.plusSeconds(1)); // within the retry period: nothing resent
        assertEquals(1, paper.closes().size());
        clock.advance(Duration.ofMillis(RETRY_MS));
        book(eth, T0.plusSeconds(2));
        assertFalse(desk.status().flattening());
        assertTrue(paper.positions.isEmpty());
        assertEquals(2, paper.closes().size());
        assertTrue(desk.positions().isEmpty());
        signal(btc, Side.BUY, T0.plusSeconds(3));
        assertEquals(1, paper.entries().size()); // no entry while HALTED
    }

    @Test
    void theWatchdogThreadRetriesUntilFlat() throws InterruptedException {
        Desk live = new Desk(DeskSettings.of("40000", "5000", dir.resolve("live/state.json"), 20, 100), Clock.systemUTC());
        TestBroker broker = new TestBroker(Venue.PAPER).price(ETH, "3000.00");
        live.addBroker(broker, Venue.PAPER);
        live.setRiskService(risk);
        live.start();
        try {
            signal(live, eth, Side.BUY, T0);
            broker.rejectCloses = 2;
            live.kill("test", "trader");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (live.status().flattening() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(live.status().flattening());
            assertTrue(broker.positions.isEmpty());
            assertEquals(3, broker.closes().size());
        } finally {
            live.close();
        }
    }

    @Test
    void haltCancelsOrdersButKeepsPositions() {
        openBook(desk);
        TradingStatus s = desk.halt("venue maintenance", "ops");
        assertEquals(TradingState.HALTED, s.state());
        assertFalse(s.flattening());
        assertTrue(paper.open.isEmpty());
        assertEquals(2, desk.positions().size());
        assertEquals(2, paper.positions.size());
        signal(new TestBook("XRPUSDT-PERP.BINANCE_FUTURES").quote("0.5000", "0.5001"), Side.BUY, T0.plusSeconds(1));
        assertEquals(3, paper.entries().size());

        desk.kill("now flatten", "ops"); // a halt can become a kill
        assertTrue(desk.positions().isEmpty());
        assertEquals("now flatten", desk.status().reason());
    }

    @Test
    void resetIsRefusedUntilFlatThenAccepted() {
        signal(eth, Side.BUY, T0);
        desk.halt("check", "ops");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> desk.reset("looks fine", "ops"));
        assertTrue(refused.getMessage().contains("ETHUSDT-PERP.BINANCE_FUTURES 1.666 at PAPER"), refused.getMessage());
        assertEquals(TradingState.HALTED, desk.status().state());

        desk.kill("flatten before reset", "ops");
        TradingStatus s = desk.reset("flat, reviewed the fills", "ops");
        assertEquals(TradingState.ACTIVE, s.state());
        assertEquals("flat, reviewed the fills", s.reason());
        signal(eth, Side.BUY, T0.plusSeconds(5));
        assertEquals(2, paper.entries().size());
    }

    @Test
    void commandsCheckStateAndReason() {
        assertThrows(IllegalStateException.class, () -> desk.reset("nothing to reset", "ops"));
        assertThrows(IllegalArgumentException.class, () -> desk.halt(" ", "ops"));
        desk.halt("stop", "ops");
        assertThrows(IllegalStateException.class, () -> desk.resume("go", "ops"));
        assertThrows(IllegalStateException.class, () -> desk.reduce("less", "ops"));
        assertEquals(TradingState.HALTED, desk.status().state());
        assertEquals("stop", desk.status().reason());
    }
}
