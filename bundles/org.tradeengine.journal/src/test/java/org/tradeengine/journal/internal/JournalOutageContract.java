// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditUnavailableException;
import org.tradeengine.api.audit.RestorePoint;

/**
 * The journal talks to the database through a {@link TcpProxy} the test cuts and restores: nothing is lost, nothing
 * is stored twice, order is kept; a spool left behind is drained by the next journal. Run against PostgreSQL and H2.
 */
abstract class JournalOutageContract extends JournalTestBase {

    private static final String ORDER_TABLES = "SELECT journal_seq, record_key, id FROM order_intent"
            + " UNION ALL SELECT journal_seq, record_key, id FROM order_event"
            + " UNION ALL SELECT journal_seq, record_key, id FROM order_fill";

    private TcpProxy proxy;
    private DataSource viaProxy;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new TcpProxy(db.serverPort());
        viaProxy = db.dataSourceVia(proxy.port());
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    @Test
    void aCutDatabaseLosesNothingStoresNothingTwiceAndKeepsOrder() throws Exception {
        JournalService j = journal(viaProxy, settings(spoolDir).withSegmentBytes(64 * 1024));
        List<AuditRecord> appended = new ArrayList<>(Records.session("up", 200, at("2024-08-08T20:00:00Z")));
        appended.forEach(j::append);
        proxy.cut(); // while it drains the first 1,000
        List<AuditRecord> during = Records.session("cut", 500, at("2024-08-08T21:00:00Z"));
        during.forEach(j::append);
        appended.addAll(during);

        Await.until("the journal sees the outage", () -> !j.status().databaseUp(), () -> j.status().toString());
        long backlog = j.backlog();
        assertTrue(backlog >= during.size(), "backlog " + backlog);
        AuditRecord oneMore = Records.order("cut-last/order", at("2024-08-08T22:00:00Z"), "cut-last", "cut-last", "BUY",
                "0.001", false, "still accepted");
        j.append(oneMore);
        appended.add(oneMore);
        assertEquals(backlog + 1, j.backlog());
        assertTrue(new SpoolDirectory(spoolDir).segments().size() > 2, "the spool grows while the database is away");

        proxy.restore();
        awaitDrained(j);

        assertStoredOnceInOrder(appended);
        assertEquals(appended.size(), j.status().stored() + j.status().duplicates());
        Await.until("drained spool back to one segment", () -> new SpoolDirectory(spoolDir).segments().size() == 1);
    }

    @Test
    void aJournalStoppedWithABacklogIsDrainedByTheNextOne() throws Exception {
        AuditRecord warmup = Records.order("warm/order", at("2024-08-08T19:00:00Z"), "warm", "warm", "BUY", "1", false, "w");
        JournalService first = journal(viaProxy, settings(spoolDir));
        first.append(warmup);
        awaitDrained(first);
        proxy.cut();
        List<AuditRecord> left = Records.session("left", 100, at("2024-08-08T20:00:00Z"));
        left.forEach(first::append);
        assertEquals(left.size(), first.backlog());
        first.close();
        journals.remove(first);
        assertEquals(left.size(), first.backlog(), "close with the database away leaves the backlog in the spool");
        assertEquals(1, db.count("SELECT COUNT(*) FROM order_intent"));

        proxy.restore();
        JournalService second = new JournalService(viaProxy, settings(spoolDir));
        journals.add(second);
        assertEquals(left.size(), second.backlog(), "the new journal finds the old backlog");
        second.start();
        List<AuditRecord> after = Records.session("after", 10, at("2024-08-08T23:00:00Z"));
        after.forEach(second::append);
        awaitDrained(second);

        List<AuditRecord> all = new ArrayList<>(List.of(warmup));
        all.addAll(left);
        all.addAll(after);
        assertStoredOnceInOrder(all);
    }

    @Test
    void aCrashBetweenDatabaseCommitAndOffsetWriteStoresNothingTwice() throws Exception {
        List<AuditRecord> session = Records.session("redo", 60, at("2024-08-08T18:00:00Z"));
        JournalService first = journal(viaProxy, settings(spoolDir));
        session.forEach(first::append);
        awaitDrained(first);
        first.close();
        journals.remove(first);
        Files.delete(spoolDir.resolve(SpoolDirectory.OFFSET_FILE)); // as if the offset had never been written

        JournalService second = journal(viaProxy, settings(spoolDir));
        awaitDrained(second);

        assertEquals(session.size(), second.status().duplicates());
        assertEquals(0, second.status().stored());
        assertStoredOnceInOrder(session);
    }

    @Test
    void theRestorePointIsRefusedWhileTheDatabaseIsAwayAndIncludesTheOutagesRecordsOnceItIsBack() throws Exception {
        JournalService j = journal(viaProxy, settings(spoolDir));
        AuditRecord active = Records.stateChange("st-active", at("2024-08-09T09:00:00Z"), "STARTING", "ACTIVE", "started");
        AuditRecord btc = Records.position("p-btc", at("2024-08-09T09:00:01Z"), "c1", "BTCUSDT-PERP.BINANCE_FUTURES",
                "0.002", "65000.1", "0");
        j.append(active);
        j.append(btc);
        awaitDrained(j);
        assertEquals(List.of(btc), j.restorePoint(Await.LONG).positions());

        proxy.cut();
        AuditUnavailableException nothingWaiting = assertThrows(AuditUnavailableException.class,
                () -> j.restorePoint(Duration.ofMillis(200)));
        assertTrue(nothingWaiting.getMessage().startsWith("journal query 'restore point' failed: "),
                nothingWaiting.getMessage());
        assertTrue(nothingWaiting.getMessage().endsWith("; 0 records wait in the spool"), nothingWaiting.getMessage());
        assertTrue(nothingWaiting.getMessage().contains(":" + proxy.port() + "/"), "names the database: "
                + nothingWaiting.getMessage());

        AuditRecord halted = Records.stateChange("st-halted", at("2024-08-09T09:10:00Z"), "ACTIVE", "HALTED", "kill");
        AuditRecord eth = Records.position("p-eth", at("2024-08-09T09:10:01Z"), "c2", "ETHUSDT-PERP.BINANCE_FUTURES",
                "-1.5", "2500.01", "0");
        AuditRecord account = Records.equity("q-outage", at("2024-08-09T09:10:02Z"), "9990.5", "10000", "4");
        j.append(halted);
        j.append(eth);
        j.append(account);
        Await.until("the journal sees the outage", () -> !j.status().databaseUp(), () -> j.status().toString());

        AuditUnavailableException refused = assertThrows(AuditUnavailableException.class,
                () -> j.restorePoint(Duration.ofMillis(500)));
        String m = refused.getMessage();
        assertTrue(m.startsWith("journal restore point unavailable: the database is unreachable ("), m);
        assertTrue(m.endsWith("; 3 records wait in the spool"), m);
        AuditUnavailableException query = assertThrows(AuditUnavailableException.class,
                () -> j.dailyPnl(LocalDate.parse("2024-08-09"), LocalDate.parse("2024-08-09")));
        assertTrue(query.getMessage().startsWith("journal query 'daily P&L' failed: "), query.getMessage());
        assertTrue(query.getMessage().endsWith("; 3 records wait in the spool"), query.getMessage());
        assertFalse(j.status().databaseUp());

        proxy.restore();
        RestorePoint rp = j.restorePoint(Await.LONG);

        assertEquals(halted, rp.tradingState());
        assertEquals(account, rp.account());
        assertEquals(List.of(btc, eth), rp.positions());
        assertEquals(5, rp.storedRecords());
        assertEquals(0, j.backlog());
    }

    /** Every record exactly once, rows inserted in append order, journal_seq increasing in append order. */
    private void assertStoredOnceInOrder(List<AuditRecord> appended) throws SQLException {
        List<String> expected = appended.stream().map(AuditRecord::key).toList();
        assertEquals(expected.size(), expected.stream().distinct().count(), "test keys are unique");
        List<String> bySeq = db.strings("SELECT record_key FROM (" + ORDER_TABLES + ") t ORDER BY journal_seq");
        assertEquals(expected.size(), bySeq.size(), "rows stored");
        assertEquals(expected, bySeq, "journal order");
        for (String table : List.of("order_intent", "order_event", "order_fill")) {
            List<String> byId = db.strings("SELECT record_key FROM " + table + " ORDER BY id");
            List<String> bySeqHere = db.strings("SELECT record_key FROM " + table + " ORDER BY journal_seq");
            assertEquals(bySeqHere, byId, table + ": inserted in journal order");
        }
        assertFalse(db.count("SELECT COUNT(*) FROM unclassified_record") > 0, "nothing refused");
    }
}
