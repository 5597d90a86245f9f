// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.journal.internal.Records.fields;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditRecord.Type;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the journal stores and how: run against PostgreSQL and H2. */
abstract class JournalStorageContract extends JournalTestBase {

    private static final String HUGE = "123456789012345678901234567890.123456789012345678901234567890";

    @Test
    void migrationsCreateEveryTableOnceAndRunAgainWithoutChange() throws Exception {
        assertTrue(db.migrated());
        new JournalStore(db.dataSource()).migrate();
        // versioned rows only: on H2, Flyway also records the creation of its history table
        assertEquals(List.of("1", "2"), db.strings("SELECT version FROM " + JournalStore.HISTORY_TABLE
                + " WHERE version IS NOT NULL AND success ORDER BY installed_rank"));
        for (RecordConventions.Table t : RecordConventions.tables()) {
            assertEquals(0, db.count("SELECT COUNT(*) FROM " + t.name()), t.name());
        }
    }

    @Test
    void everyRecordTypeLandsInItsTableWithExactNumbers() throws Exception {
        JournalService j = journal();
        Instant t = at("2024-08-08T23:59:59.123456Z");
        AuditRecord fill = new AuditRecord(Type.FILL, t, "f1", "c1", fields("clientOrderId", "o1", "instrument",
                "BTCUSDT-PERP.BINANCE_FUTURES", "side", "BUY", "qty", "0.00000001", "price", HUGE, "fee", "-0.00001234",
                "liquidity", "MAKER", "purpose", "imbalance-long", "realizedPnl", "1E-8", "extra", "kept in json"));
        List<AuditRecord> all = List.of(Records.signal("s1", t, "c1", "BTCUSDT-PERP.BINANCE_FUTURES", "BUY"),
                Records.order("o1", t, "c1", "o1", "BUY", "0.001", false, "imbalance-long"),
                Records.event("e1", t, "c1", "o1", "FILL", "0.0005", "64999.95", "0.0005"), fill,
                Records.risk("r1", t, "c1", "DENY", "max-position", "notional 12,000.00 > max 10,000.00"),
                Records.stateChange("t1", t, "ACTIVE", "REDUCING", "daily loss 2.5 %"),
                Records.killSwitch("k1", t, "FIRED", "drawdown 10.01 % > 10 %"),
                Records.ruleDeployment("d1", t, "risk", "REJECTED", "risk/main.drl:12: unknown fact"),
                Records.position("p1", t, "c1", "BTCUSDT-PERP.BINANCE_FUTURES", "-0.004", "65000.5", "0.0420"),
                Records.equity("q1", t, "10000.042", "10001", "7"));
        all.forEach(j::append);
        awaitDrained(j);

        Map<String, Object> f = row("order_fill", "f1");
        assertDecimal("0.00000001", f.get("qty"));
        assertDecimal(HUGE, f.get("price"));
        assertDecimal("-0.00001234", f.get("fee"));
        assertDecimal("0.00000001", f.get("realized_pnl"));
        assertEquals(t, f.get("event_at"));
        assertEquals("c1", f.get("correlation_id"));
        assertEquals("2024-08-08", f.get("utc_day").toString());
        assertNull(f.get("problems"));
        assertEquals(fill.fields(), new ObjectMapper().readValue((String) f.get("fields_json"),
                new TypeReference<Map<String, String>>() { }));

        Map<String, Object> s = row("trade_signal", "s1");
        assertDecimal("3.25", s.get("imbalance"));
        assertDecimal("65000.10", s.get("best_ask"));
        assertEquals(1723161599123L, s.get("exchange_time_ms"));
        Map<String, Object> o = row("order_intent", "o1");
        assertDecimal("0.001", o.get("qty"));
        assertNull(o.get("limit_price"));
        assertEquals(Boolean.FALSE, o.get("reduce_only"));
        assertEquals("MARKET", o.get("order_type"));
        Map<String, Object> e = row("order_event", "e1");
        assertDecimal("64999.95", e.get("fill_price"));
        assertDecimal("0.0130", e.get("fee"));
        assertEquals("FILL", e.get("event_type"));
        assertEquals("max-position", row("risk_decision", "r1").get("rule_name"));
        assertEquals("REDUCING", row("trading_state_change", "t1").get("to_state"));
        assertEquals("FIRED", row("kill_switch_event", "k1").get("action"));
        Map<String, Object> d = row("rule_deployment", "d1");
        assertEquals("risk/main.drl:12: unknown fact", d.get("error"));
        assertEquals(4L, d.get("generation"));
        Map<String, Object> p = row("position_snapshot", "p1");
        assertEquals("BTCUSDT-PERP.BINANCE_FUTURES", p.get("instrument"));
        assertDecimal("-0.004", p.get("qty"));
        assertDecimal("65000.5", p.get("entry_price"));
        assertDecimal("65000.5", p.get("mark_price"));
        assertDecimal("0", p.get("unrealized_pnl"));
        assertDecimal("0.042", p.get("realized_pnl"));
        assertDecimal("0.026", p.get("fees"));
        assertEquals("PAPER", p.get("venue"));
        assertNull(p.get("problems"));
        Map<String, Object> q = row("equity_point", "q1");
        assertDecimal("10000.042", q.get("equity"));
        assertDecimal("10000", q.get("capital"));
        assertDecimal("10001", q.get("peak_equity"));
        assertDecimal("-0.958", q.get("drawdown"));
        assertDecimal("1.2002", q.get("realized_pnl"));
        assertDecimal("-0.04", q.get("unrealized_pnl"));
        assertDecimal("0.156", q.get("fees"));
        assertEquals("2024-08-08", q.get("utc_day").toString());
        assertTrue(((String) q.get("fields_json")).contains("\"grossLoss\":\"-0.2998\""));
        assertNull(q.get("problems"));
        assertEquals(all.size(), j.status().stored());
    }

    @Test
    void aRecordWrittenTwiceIsStoredOnceAndTheFirstCopyWins() throws Exception {
        JournalService j = journal();
        Instant t = at("2024-08-08T10:00:00Z");
        j.append(Records.fill("same", t, "c", "o", "BUY", "1", "100", "0.1", "p", "0"));
        j.append(Records.fill("same", t, "c", "o", "BUY", "2", "200", "0.2", "p", "0"));
        j.append(Records.order("same", t, "c", "o", "BUY", "1", false, "keys are unique per record type"));
        awaitDrained(j);
        j.append(Records.fill("same", t, "c", "o", "BUY", "3", "300", "0.3", "p", "0"));
        awaitDrained(j);

        assertEquals(1, db.count("SELECT COUNT(*) FROM order_fill"));
        assertDecimal("1", row("order_fill", "same").get("qty"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM order_intent"));
        assertEquals(2, j.status().stored());
        assertEquals(2, j.status().duplicates());
    }

    @Test
    void aRecordWithMissingOrMalformedFieldsIsKeptWithItsProblemsNamed() throws Exception {
        JournalService j = journal();
        Instant t = at("2024-08-09T00:00:00Z");
        j.append(new AuditRecord(Type.FILL, t, "bad-fill", "c", fields("clientOrderId", "o", "instrument", "X",
                "side", "SELL", "price", "12,5", "fee", "NaN")));
        j.append(new AuditRecord(Type.ORDER, t, "bad-order", "", fields("clientOrderId", "o", "instrument", "X",
                "side", "BUY", "type", "LIMIT", "qty", "1", "reduceOnly", "maybe")));
        j.append(new AuditRecord(Type.RISK_DECISION, null, null, null, fields("outcome", "DENY")));
        j.append(null);
        awaitDrained(j);

        Map<String, Object> f = row("order_fill", "bad-fill");
        assertNull(f.get("qty"));
        assertNull(f.get("price"));
        assertEquals("missing qty; price: not a decimal '12,5'; fee: not a decimal 'NaN'", f.get("problems"));
        assertTrue(((String) f.get("fields_json")).contains("\"price\":\"12,5\""));
        assertEquals("reduceOnly: not true or false 'maybe'", row("order_intent", "bad-order").get("problems"));
        List<String> risk = db.strings("SELECT problems FROM risk_decision");
        assertEquals(1, risk.size());
        assertTrue(risk.get(0).startsWith("no key: stored as unkeyed-"), risk.get(0));
        assertTrue(risk.get(0).contains("no time: the time it was journaled is used; missing rule; missing reason"),
                risk.get(0));
        assertEquals(3, j.status().withProblems());
        assertEquals(1, j.badAppends());
    }

    @Test
    void aRecordItsTableRefusesIsKeptInUnclassifiedAndTheRestOfItsBatchIsStored() throws Exception {
        JournalService j = journal();
        Instant t = at("2024-08-09T01:00:00Z");
        for (int i = 0; i < 10; i++) {
            j.append(Records.order("ok-" + i, t, "c", "o" + i, "BUY", "1", false, "fine"));
            if (i == 4) {
                j.append(Records.order("nul", t, "c", "o-nul", "BUY", "1", false, "a NUL \u0000 in the reason"));
            }
        }
        awaitDrained(j);

        assertEquals(10, db.count("SELECT COUNT(*) FROM order_intent WHERE record_key LIKE 'ok-%'"));
        long typed = db.count("SELECT COUNT(*) FROM order_intent WHERE record_key = 'nul'");
        long unclassified = db.count("SELECT COUNT(*) FROM unclassified_record WHERE record_key = 'nul'");
        assertEquals(1, typed + unclassified, "stored exactly once somewhere");
        if (db.refusesNulInText()) {
            assertEquals(1, unclassified);
            assertTrue(db.strings("SELECT problems FROM unclassified_record").get(0).startsWith("refused by order_intent: "));
            assertTrue(db.strings("SELECT fields_json FROM unclassified_record").get(0).contains("NUL \\u0000 in"));
            assertEquals(1, j.status().refused());
        }
    }

    @Test
    void aRecordNoTableCanHoldGoesToTheRejectedFileOfTheSpool() throws Exception {
        JournalService j = journal();
        j.append(Records.order("key-with-\u0000-nul", at("2024-08-09T02:00:00Z"), "c", "o", "BUY", "1", false, "r"));
        j.append(Records.order("after", at("2024-08-09T02:00:01Z"), "c", "o2", "BUY", "1", false, "r"));
        awaitDrained(j);

        assertEquals(1, db.count("SELECT COUNT(*) FROM order_intent WHERE record_key = 'after'"));
        if (db.refusesNulInText()) {
            assertEquals(1, j.status().rejected());
            String rejected = Files.readString(spoolDir.resolve(SpoolDirectory.REJECTED_FILE));
            assertTrue(rejected.contains("key-with-\\\\u0000-nul"), rejected);
        } else {
            assertEquals(1, db.count("SELECT COUNT(*) FROM order_intent WHERE record_key LIKE 'key-with-%'"));
        }
    }

    @Test
    void typesAreRoutedByNameAndOnesThisVersionDoesNotKnowAreKeptUnclassified() throws Exception {
        Instant t = at("2024-08-09T03:00:00Z");
        try (Spool spool = SpoolRecovery.open(spoolDir, 1 << 20, java.time.Clock.systemUTC())) {
            spool.append("POSITION", t, "p1", "c9", fields("instrument", "X", "qty", "-0.004", "entryPrice", "65000.5",
                    "markPrice", "64990", "unrealizedPnl", "0.042", "realizedPnl", "0", "fees", "0.026"), t);
            spool.append("EQUITY", t, "q1", "", fields("equity", "10000.042", "capital", "10000", "peakEquity",
                    "10001", "drawdown", "-0.958", "realizedPnl", "0", "unrealizedPnl", "0.042", "fees", "0.026"), t);
            spool.append("MARGIN_CALL", t, "m1", "", fields("level", "0.8"), t);
        }
        JournalService j = journal();
        awaitDrained(j);

        assertDecimal("-0.004", row("position_snapshot", "p1").get("qty"));
        assertDecimal("10000.042", row("equity_point", "q1").get("equity"));
        Map<String, Object> u = row("unclassified_record", "m1");
        assertEquals("MARGIN_CALL", u.get("record_type"));
        assertEquals("type MARGIN_CALL has no table in this version", u.get("problems"));
    }

    @Test
    void aDrainedSpoolShrinksToOneSegment() throws Exception {
        long segment = 4096;
        JournalService j = journal(db.dataSource(), settings(spoolDir).withSegmentBytes(segment).withBatchSize(100));
        List<AuditRecord> session = Records.session("rot", 300, at("2024-08-09T04:00:00Z"));
        session.forEach(j::append);
        awaitDrained(j);

        SpoolDirectory files = new SpoolDirectory(spoolDir);
        Await.until("one segment left", () -> files.segments().size() == 1, () -> {
            try {
                return files.segments().toString();
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        assertTrue(files.sizeBytes() < segment + 1024, "spool holds " + files.sizeBytes() + " bytes");
        assertEquals(session.size(), countAll());
    }

    long countAll() throws SQLException {
        long n = 0;
        for (RecordConventions.Table t : RecordConventions.tables()) {
            n += db.count("SELECT COUNT(*) FROM " + t.name());
        }
        return n;
    }
}
