// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.trading.AccountView;
import org.tradeengine.api.trading.PositionView;
import org.tradeengine.api.trading.TradingStatus;

/**
 * A restart: the second desk (same broker, as a venue keeps its book across an engine restart; a fresh state file,
 * so what comes back comes from the journal) restores state, account, positions and open orders and reconciles them
 * with the broker before its first entry.
 */
class RestartRestoreTest extends DeskTestSupport {

    private final MemoryStore store = new MemoryStore();
    private final TestBook btc = new TestBook(BTC).quote("61800.10", "61800.20");
    private final TestBook eth = new TestBook(ETH).quote("2999.90", "3000.00");

    /** A first session: BTC bought and marked, then halted with the position open. */
    private void firstSession() {
        desk.setJournal(store);
        signal(btc, Side.BUY, T0);
        book(btc.quote("61850.00", "61850.10"), T0.plusMillis(500));
        desk.halt("end of the day", "ops");
        assertEquals(1, desk.positions().size());
    }

    /** A desk as after a restart: restoring, with a new state file, bound to the same broker and store. */
    private Desk restarted(TestBroker broker) {
        Desk d = new Desk(DeskSettings.of("40000", "5000", dir.resolve("second/state.json"), RETRY_MS, 100)
                .withRestoreFromJournal(true), clock);
        d.setJournal(store);
        d.setAuditQueries(store);
        d.setRiskService(risk);
        d.setExitService(risk);
        d.addBroker(broker, Venue.PAPER);
        return d;
    }

    @Test
    void positionsAccountAndLatchedHaltAreRestoredFromTheJournalAndReconciledWithTheBroker() {
        firstSession();
        PositionView before = desk.positions().get(0);
        AccountView accountBefore = desk.status().account();
        desk.close();

        Desk second = restarted(paper);
        try {
            assertTrue(second.status().restore().startsWith("WAITING"), second.status().restore());
            second.restoreTick();

            TradingStatus s = second.status();
            assertEquals(TradingState.HALTED, s.state(), "the latch survives a restart");
            assertEquals("end of the day", s.reason());
            assertEquals("ops", s.by());
            assertTrue(s.restore().contains("1 position(s)") && s.restore().contains("reconciled with PAPER"),
                    s.restore());
            PositionView after = second.positions().get(0);
            assertEquals(before.instrument(), after.instrument());
            assertDecimal(before.quantity().toPlainString(), after.quantity());
            assertDecimal(before.entryPrice().toPlainString(), after.entryPrice());
            assertEquals(before.correlationId(), after.correlationId());
            assertEquals(before.openedAt(), after.openedAt());
            assertDecimal(accountBefore.realizedPnl().toPlainString(), s.account().realizedPnl());
            assertDecimal(accountBefore.fees().toPlainString(), s.account().fees());
            assertDecimal(accountBefore.peakEquity().toPlainString(), s.account().peakEquity());
            assertTrue(store.of(AuditRecord.Type.RISK_DECISION).stream()
                    .anyMatch(r -> "RECONCILED".equals(r.fields().get("outcome"))));

            // the restored position is marked and can be closed: te:kill flattens it at the broker
            second.onBook(btc.quote("61860.00", "61860.10"), nanos(T0.plusSeconds(2)));
            assertDecimal("0.08", second.positions().get(0).quantity());
            second.kill("flatten after restart", "ops");
            assertTrue(second.positions().isEmpty());
            assertDecimal("0", paper.positions.getOrDefault(InstrumentId.parse(BTC), BigDecimal.ZERO));
        } finally {
            second.close();
        }
    }

    @Test
    void noEntryBeforeTheRestoreAndTheReconciliation() {
        desk.setJournal(store);
        store.down = "journal query 'restore point' failed: Connection refused; 12 records wait in the spool";
        Desk second = restarted(paper);
        try {
            second.restoreTick();
            signal(second, eth, Side.BUY, T0);
            assertTrue(paper.entries().isEmpty(), "fail closed: nothing is known yet");
            assertTrue(second.status().restore().contains("Connection refused"), second.status().restore());

            store.down = null;
            second.restoreTick();
            assertEquals(TradingState.ACTIVE, second.status().state());
            signal(second, eth, Side.BUY, T0.plusSeconds(1));
            assertEquals(1, paper.entries().size(), "restored and reconciled: entries flow");
        } finally {
            second.close();
        }
    }

    @Test
    void aDifferenceWithTheBrokerIsTakenFromTheBrokerAndHaltsWithACriticalAlert() {
        desk.setJournal(store);
        signal(btc, Side.BUY, T0);
        desk.close();
        TestBroker venueLostIt = new TestBroker(Venue.PAPER).price(BTC, "61800.20").price(ETH, "3000.00");
        venueLostIt.positions.put(InstrumentId.parse(ETH), new BigDecimal("-1.5"));

        Desk second = restarted(venueLostIt);
        try {
            second.restoreTick();
            TradingStatus s = second.status();
            assertEquals(TradingState.HALTED, s.state());
            assertTrue(s.reason().contains("BTCUSDT-PERP.BINANCE_FUTURES: desk 0.080, PAPER 0"), s.reason());
            assertTrue(s.reason().contains("ETHUSDT-PERP.BINANCE_FUTURES: desk 0, PAPER -1.5"), s.reason());
            List<PositionView> positions = second.positions();
            assertEquals(1, positions.size());
            assertDecimal("-1.5", positions.get(0).quantity());
            assertTrue(second.alerts(10).stream().anyMatch(a -> a.severity().equals("CRITICAL")
                    && a.message().contains("Reconciliation with PAPER")));
            assertTrue(store.of(AuditRecord.Type.RISK_DECISION).stream()
                    .anyMatch(r -> "MISMATCH".equals(r.fields().get("outcome"))));
            // the adopted short takes its entry at the first mark
            second.onBook(eth.quote("3001.00", "3001.10"), nanos(T0.plusSeconds(1)));
            assertDecimal("3001.10", second.positions().get(0).entryPrice());
        } finally {
            second.close();
        }
    }

    @Test
    void openOrdersAreRestoredAndTheirLaterFillsApply() {
        desk.setJournal(store);
        paper.restEntries = true;
        signal(btc, Side.BUY, T0);
        assertEquals(1, paper.open.size());
        desk.close();

        Desk second = restarted(paper);
        try {
            second.restoreTick();
            assertEquals(TradingState.ACTIVE, second.status().state(), second.status().reason());
            assertTrue(second.status().restore().contains("1 open order(s)"), second.status().restore());
            signal(second, btc, Side.BUY, T0.plusSeconds(1));
            assertEquals(1, paper.entries().size(), "the restored order is pending: no second entry");
            paper.fill(paper.entries().get(0), new BigDecimal("0.080"), T0.plusSeconds(2));
            assertDecimal("0.080", second.positions().get(0).quantity());
        } finally {
            second.close();
        }
    }

    @Test
    void theDailyLossCarriesOverARestart() {
        desk.setJournal(store);
        signal(btc, Side.BUY, T0);
        book(btc.quote("61000.00", "61000.10"), T0.plusSeconds(1));
        paper.price(BTC, "61000.00");
        desk.kill("stop", "ops"); // closes at a loss
        AccountView a = desk.status().account();
        assertTrue(a.dailyPnl().signum() < 0);
        BigDecimal journaledRealized = store.of(AuditRecord.Type.FILL).stream()
                .map(r -> new BigDecimal(r.fields().get("realizedPnl"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertDecimal(a.realizedPnl().toPlainString(), journaledRealized); // fills and P&L by day add up
        assertTrue(a.realizedPnl().signum() < 0);
        desk.close();

        Desk second = restarted(paper);
        try {
            second.restoreTick();
            assertDecimal(a.dailyPnl().toPlainString(), second.status().account().dailyPnl());
            assertDecimal(a.drawdown().toPlainString(), second.status().account().drawdown());
        } finally {
            second.close();
        }
    }
}
