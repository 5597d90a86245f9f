// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.strategy.Signal;

/** A desk with a temp state file, a test PAPER broker, test risk and exit services and a clock the test moves. */
abstract class DeskTestSupport {

    static final String BTC = "BTCUSDT-PERP.BINANCE_FUTURES";
    static final String ETH = "ETHUSDT-PERP.BINANCE_FUTURES";
    static final String BTC_SPOT = "BTCUSDT.BINANCE_SPOT";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final long RETRY_MS = 1000;

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(T0);
    final TestRisk risk = new TestRisk();
    final TestBroker paper = new TestBroker(Venue.PAPER).price(BTC, "61800.20").price(ETH, "3000.00")
            .price(BTC_SPOT, "61800.00");
    Desk desk;
    private long signals;

    @BeforeEach
    void setUpDesk() {
        desk = newDesk();
        desk.addBroker(paper, Venue.PAPER);
        desk.setRiskService(risk);
        desk.setExitService(risk);
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    DeskSettings settings() {
        return DeskSettings.of("40000", "5000", dir.resolve("trading/state.json"), RETRY_MS, 100);
    }

    Desk newDesk() {
        return new Desk(settings(), clock);
    }

    /** Sends a signal computed from {@code book} at event time {@code at}. */
    void signal(Desk d, TestBook book, Side side, Instant at) {
        d.onSignal(new Signal(++signals, book.instrument(), side, "l2-imbalance", side == Side.BUY ? "imbalance-long"
                : "imbalance-short", 1, new BigDecimal("3.5"), null, null, 1, at.toEpochMilli(), at), book, nanos(at));
    }

    void signal(TestBook book, Side side, Instant at) {
        signal(desk, book, side, at);
    }

    void book(TestBook book, Instant at) {
        desk.onBook(book, nanos(at));
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was "
                + (actual == null ? null : actual.toPlainString()));
    }
}
