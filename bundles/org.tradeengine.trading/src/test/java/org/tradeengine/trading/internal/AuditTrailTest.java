// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.trading.RiskEvent;

/** What the desk journals: every order BEFORE the broker sees it, and what happens to it, with unique keys. */
class AuditTrailTest extends DeskTestSupport {

    /** Records appends; can refuse them; notes which orders the broker had already seen at each append. */
    private final class Journal implements AuditJournal {
        final List<AuditRecord> records = new ArrayList<>();
        final List<String> submittedAtOrderAppend = new ArrayList<>();
        boolean refuse;

        @Override
        public void append(AuditRecord record) {
            if (refuse) {
                throw new IllegalStateException("spool disk full");
            }
            if (record.type() == AuditRecord.Type.ORDER) {
                submittedAtOrderAppend.add(record.key() + " seen by broker: "
                        + paper.submitted.stream().anyMatch(i -> i.clientOrderId().equals(record.key())));
            }
            records.add(record);
        }

        @Override
        public long backlog() {
            return 0;
        }

        List<AuditRecord> of(AuditRecord.Type t) {
            return records.stream().filter(r -> r.type() == t).toList();
        }
    }

    private final Journal journal = new Journal();
    private final TestBook btc = new TestBook(BTC).quote("61800.10", "61800.20");

    @Test
    void signalsOrdersFillsAndStateChangesAreJournaledAndEachOrderBeforeItsBrokerSeesIt() {
        desk.setJournal(journal);
        signal(btc, Side.BUY, T0);
        desk.kill("end of test", "trader");

        assertEquals(1, journal.of(AuditRecord.Type.SIGNAL).size());
        List<AuditRecord> orders = journal.of(AuditRecord.Type.ORDER);
        assertEquals(2, orders.size(), "the entry and the kill switch's close");
        journal.submittedAtOrderAppend.forEach(s -> assertTrue(s.endsWith("seen by broker: false"), s));
        AuditRecord entry = orders.get(0);
        assertEquals("BUY", entry.fields().get("side"));
        assertEquals("0.080", entry.fields().get("qty"));
        assertEquals("MARKET", entry.fields().get("type"));
        assertEquals("false", entry.fields().get("reduceOnly"));
        assertEquals(journal.of(AuditRecord.Type.SIGNAL).get(0).correlationId(), entry.correlationId());

        List<AuditRecord> fills = journal.of(AuditRecord.Type.FILL);
        assertEquals(2, fills.size());
        assertEquals("61800.20", fills.get(0).fields().get("price"));
        assertEquals(entry.correlationId(), fills.get(0).correlationId());
        assertEquals("kill-switch", fills.get(1).fields().get("purpose"));

        List<AuditRecord> states = journal.of(AuditRecord.Type.TRADING_STATE);
        assertTrue(states.stream().anyMatch(r -> "HALTED".equals(r.fields().get("to"))
                && "end of test".equals(r.fields().get("reason")) && "trader".equals(r.fields().get("by"))));
        assertTrue(states.stream().anyMatch(r -> "KILL_SWITCH".equals(r.fields().get("kind"))
                && "FIRED".equals(r.fields().get("action"))));
        assertTrue(states.stream().anyMatch(r -> "CONFIRMED_FLAT".equals(r.fields().get("action"))));

        Set<String> keys = new HashSet<>();
        journal.records.forEach(r -> assertTrue(keys.add(r.type() + "/" + r.key()), "unique key " + r.key()));
    }

    @Test
    void anEntryTheJournalRefusesIsNotSentButACloseAlwaysIs() {
        desk.setJournal(journal);
        signal(btc, Side.BUY, T0);
        assertEquals(1, paper.entries().size());
        journal.refuse = true;
        desk.kill("journal down", "trader");
        assertEquals(1, paper.closes().size(), "the close went out although the journal refused it");
        desk.reset("journal down, flat", "trader");
        assertEquals(TradingState.ACTIVE, desk.status().state());
        signal(btc, Side.BUY, T0.plusSeconds(5));
        assertEquals(1, paper.entries().size(), "no new entry without a journal record");
        RiskEvent denied = desk.riskEvents(1).get(0);
        assertEquals("journal-unavailable", denied.rule());
        assertTrue(denied.reason().contains("only sent once it is journaled"), denied.reason());
    }
}
