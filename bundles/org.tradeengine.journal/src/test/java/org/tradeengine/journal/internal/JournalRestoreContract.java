// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.journal.internal.Records.fields;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditRecord.Type;
import org.tradeengine.api.audit.RestorePoint;

/**
 * The restore point a restart resumes from: the last trading state, the account, the open positions and the open
 * orders, as the records the desk wrote. Run against PostgreSQL and H2.
 */
abstract class JournalRestoreContract extends JournalTestBase {

    private static final String BTC = "BTCUSDT-PERP.BINANCE_FUTURES";
    private static final String ETH = "ETHUSDT-PERP.BINANCE_FUTURES";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anEmptyStoreHasNothingToRestore() throws Exception {
        JournalService j = journal();

        RestorePoint rp = j.restorePoint(WAIT);

        assertTrue(rp.isEmpty(), rp.toString());
        assertNull(rp.tradingState());
        assertNull(rp.account());
        assertEquals(0, rp.storedRecords());
        assertNotNull(rp.asOf());
    }

    @Test
    void aSessionRestoresItsLastStateAccountOpenPositionsAndOpenOrders() throws Exception {
        JournalService j = journal();
        Instant t = at("2024-08-09T09:00:00Z");
        AuditRecord halted = Records.stateChange("st-3", t.plusSeconds(90), "REDUCING", "HALTED", "drawdown 10.2 %");
        AuditRecord btcNow = Records.position("p-btc-2", t.plusSeconds(60), "trip-b2", BTC, "0.003", "65010.5", "0");
        AuditRecord account = Records.equity("q-2", t.plusSeconds(95), "9998.6182", "10000.1482", "3");
        AuditRecord partial = Records.order("o-pf", t.plusSeconds(70), "trip-pf", "pf-1", "BUY", "1.0", false, "limit");
        AuditRecord fresh = Records.order("o-new", t.plusSeconds(71), "trip-new", "new-1", "BUY", "2.000", false,
                "limit");
        AuditRecord silent = Records.order("o-silent", t.plusSeconds(72), "", "silent-1", "SELL", "0.5", true, "exit");
        List<AuditRecord> session = List.of(
                Records.stateChange("st-1", t, "STARTING", "ACTIVE", "started"),
                // BTC: bought and still held (the second snapshot is the one that counts)
                Records.order("o-btc", t.plusSeconds(1), "trip-b", "btc-1", "BUY", "0.002", false, "imbalance-long"),
                Records.event("ev-btc-acc", t.plusSeconds(1).plusMillis(1), "trip-b", "btc-1", "ACCEPTED", "0", "",
                        "0.002"),
                Records.event("ev-btc-fill", t.plusSeconds(1).plusMillis(2), "trip-b", "btc-1", "FILL", "0.002",
                        "65000.1", "0"),
                Records.fill("f-btc", t.plusSeconds(1).plusMillis(3), "trip-b", "btc-1", "BUY", "0.002", "65000.1",
                        "0.0520", "imbalance-long", "0"),
                Records.position("p-btc-1", t.plusSeconds(1).plusMillis(4), "trip-b", BTC, "0.002", "65000.1", "0"),
                // ETH: opened and closed again
                Records.order("o-eth-in", t.plusSeconds(10), "trip-e", "eth-in", "BUY", "1.5", false, "imbalance-long"),
                Records.event("ev-eth-in", t.plusSeconds(10).plusMillis(1), "trip-e", "eth-in", "FILL", "1.5",
                        "2500.01", "0"),
                Records.position("p-eth-1", t.plusSeconds(10).plusMillis(2), "trip-e", ETH, "1.5", "2500.01", "0"),
                Records.order("o-eth-out", t.plusSeconds(20), "trip-e", "eth-out", "SELL", "1.5", true, "take-profit"),
                Records.event("ev-eth-out", t.plusSeconds(20).plusMillis(1), "trip-e", "eth-out", "FILL", "1.5",
                        "2500.51", "0.000"),
                Records.position("p-eth-2", t.plusSeconds(20).plusMillis(2), "trip-e", ETH, "0", "0", "0.75"),
                Records.stateChange("st-2", t.plusSeconds(30), "ACTIVE", "REDUCING", "daily loss 2.5 %"),
                Records.equity("q-1", t.plusSeconds(40), "10000.1482", "10000.1482", "2"),
                // orders that are over: cancelled, rejected
                Records.order("o-cx", t.plusSeconds(50), "trip-cx", "cx-1", "BUY", "1", false, "limit"),
                Records.event("ev-cx-acc", t.plusSeconds(50).plusMillis(1), "trip-cx", "cx-1", "ACCEPTED", "0", "",
                        "1"),
                Records.event("ev-cx", t.plusSeconds(50).plusMillis(2), "trip-cx", "cx-1", "CANCELLED", "0", "", "1"),
                Records.order("o-rj", t.plusSeconds(51), "trip-rj", "rj-1", "BUY", "1", false, "limit"),
                Records.event("ev-rj", t.plusSeconds(51).plusMillis(1), "trip-rj", "rj-1", "REJECTED", "0", "", ""),
                btcNow,
                // open orders: partly filled (a later event without leavesQty does not hide it), only accepted, and
                // one with no event at all
                partial,
                Records.event("ev-pf-acc", t.plusSeconds(70).plusMillis(1), "trip-pf", "pf-1", "ACCEPTED", "0", "",
                        "1.0"),
                Records.event("ev-pf-fill", t.plusSeconds(70).plusMillis(2), "trip-pf", "pf-1", "FILL", "0.5",
                        "64990.0", "0.50"),
                Records.event("ev-pf-note", t.plusSeconds(70).plusMillis(3), "trip-pf", "pf-1", "AMEND_ACK", "0", "",
                        ""),
                fresh,
                Records.event("ev-new-acc", t.plusSeconds(71).plusMillis(1), "trip-new", "new-1", "ACCEPTED", "0", "",
                        "2.000"),
                silent,
                halted,
                Records.killSwitch("ks-1", t.plusSeconds(91), "FIRED", "drawdown 10.2 % > 10 %"),
                account);

        session.forEach(j::append);
        RestorePoint rp = j.restorePoint(WAIT); // no wait before: the call itself waits for the backlog

        assertEquals(halted, rp.tradingState());
        assertEquals(account, rp.account());
        assertEquals(List.of(btcNow), rp.positions());
        assertEquals(List.of(withLeaves(partial, "0.50"), withLeaves(fresh, "2.000"), silent), rp.openOrders());
        assertEquals(session.size(), rp.storedRecords());
        assertTrue(!rp.isEmpty());
        // the fields come back exactly as appended: the desk reads its own names and texts
        assertEquals("65010.5", rp.positions().get(0).fields().get("entryPrice"));
        assertEquals("123456789012", rp.positions().get(0).fields().get("openedNanos"));
        assertEquals("-1.5300", rp.account().fields().get("drawdown"));
        assertEquals("19943", rp.account().fields().get("epochDay"));
        assertEquals(Type.ORDER, rp.openOrders().get(2).type());
        assertEquals("", rp.openOrders().get(2).correlationId());
    }

    private static AuditRecord withLeaves(AuditRecord order, String leavesQty) {
        Map<String, String> f = new HashMap<>(order.fields());
        f.put("leavesQty", leavesQty);
        return new AuditRecord(order.type(), order.at(), order.key(), order.correlationId(), f);
    }

    @Test
    void lastMeansInsertedLastNotTheLatestEventTimeNorTheHighestSpoolNumber() throws Exception {
        // the first run numbers its spool from a clock in 2030, the second, with an emptied spool directory, from 2025:
        // its records get lower journal_seq numbers although they were written later
        JournalService first = new JournalService(db.dataSource(), settings(spoolDir.resolve("first")),
                Clock.fixed(at("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
        journals.add(first);
        first.start();
        first.append(Records.stateChange("halt", at("2024-08-09T10:00:00Z"), "ACTIVE", "HALTED", "kill switch"));
        first.append(Records.position("btc-open", at("2024-08-09T10:00:00Z"), "c", BTC, "0.002", "65000.1", "0"));
        first.append(Records.equity("eq-first", at("2024-08-09T10:00:00Z"), "9990", "10000", "1"));
        awaitDrained(first);
        first.close();

        JournalService second = new JournalService(db.dataSource(), settings(spoolDir.resolve("second")),
                Clock.fixed(at("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        journals.add(second);
        second.start();
        AuditRecord resumed = Records.stateChange("resume", at("2024-08-09T09:00:00Z"), "HALTED", "ACTIVE", "reset");
        AuditRecord account = Records.equity("eq-second", at("2024-08-09T09:00:00Z"), "9991", "10000", "1");
        second.append(resumed);
        second.append(Records.position("btc-flat", at("2024-08-09T09:00:00Z"), "c", BTC, "0", "0", "0.1"));
        second.append(account);

        RestorePoint rp = second.restorePoint(WAIT);

        assertTrue(db.count("SELECT journal_seq FROM trading_state_change WHERE record_key = 'resume'")
                < db.count("SELECT journal_seq FROM trading_state_change WHERE record_key = 'halt'"),
                "the premise: the later run's spool numbers are lower");
        assertEquals(resumed, rp.tradingState());
        assertEquals(account, rp.account());
        assertEquals(List.of(), rp.positions());
        assertEquals(6, rp.storedRecords());
    }

    @Test
    void theSnapshotLeavesAPooledConnectionAsItFoundIt() throws Exception {
        try (Connection shared = db.connect()) {
            int isolation = shared.getTransactionIsolation();
            assertTrue(isolation != Connection.TRANSACTION_REPEATABLE_READ, "the premise: another default level");
            // a pool of one connection that does not reset what a borrower changed (closing it keeps it open)
            Connection borrowed = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(shared, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            return borrowed;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });

            assertEquals(0L, new JournalStore(pool).snapshot(JournalMapper::storedRecords));

            assertEquals(isolation, shared.getTransactionIsolation());
            assertTrue(shared.getAutoCommit());
        }
    }

    @Test
    void aPositionWhoseQtyCannotBeReadIsNotTakenForFlat() throws Exception {
        JournalService j = journal();
        AuditRecord unreadable = new AuditRecord(Type.POSITION, at("2024-08-09T10:00:00Z"), "p-bad", "", fields(
                "instrument", ETH, "qty", "1,5", "entryPrice", "2500.01"));
        j.append(Records.position("p-flat", at("2024-08-09T09:00:00Z"), "", BTC, "0.000", "0", "0"));
        j.append(unreadable);

        RestorePoint rp = j.restorePoint(WAIT);

        assertEquals(List.of(unreadable), rp.positions(), "the desk sees it and can say what is wrong with it");
        assertEquals("qty: not a decimal '1,5'", row("position_snapshot", "p-bad").get("problems"));
    }

    @Test
    void positionColumnsHoldWhenAndWhereItWasOpened() throws Exception {
        JournalService j = journal();
        Instant opened = at("2024-08-09T10:00:00.123456Z");
        j.append(Records.position("p", opened, "c", BTC, "-0.004", "65000.5", "0"));
        awaitDrained(j);

        Map<String, Object> p = row("position_snapshot", "p");
        assertDecimal("-0.004", p.get("qty"));
        assertEquals("PAPER", p.get("venue"));
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet r = st.executeQuery("SELECT opened_at FROM position_snapshot WHERE record_key = 'p'")) {
            assertTrue(r.next());
            assertEquals(opened, r.getObject(1, OffsetDateTime.class).toInstant());
        }
        assertNull(p.get("problems"));
    }
}
