// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.audit.AuditRecord;

/** The journal runs on an empty slot (records wait in the spool) and drains when a data source is plugged in. */
class DataSourceSlotTest {

    @TempDir
    Path spoolDir;

    @Test
    void theJournalSpoolsUntilADataSourceIsPluggedIn() throws Exception {
        try (H2Database db = new H2Database()) {
            DataSourceSlot slot = new DataSourceSlot("no journal database configured");
            List<AuditRecord> session = Records.session("slot", 10, Instant.parse("2024-08-08T10:00:00Z"));
            try (JournalService j = new JournalService(slot, JournalTestBase.settings(spoolDir))) {
                j.start();
                session.forEach(j::append);
                Await.until("the journal reports the empty slot",
                        () -> j.status().lastProblem().contains("no journal database configured"));
                assertFalse(j.status().databaseUp());
                assertEquals(session.size(), j.backlog());

                slot.plug(db.dataSource());
                JournalTestBase.awaitDrained(j);
                assertEquals(session.size(), j.status().stored());

                slot.unplug(db.dataSource()); // another instance: the slot keeps the one it has
                j.append(Records.order("late", Instant.parse("2024-08-08T11:00:00Z"), "c", "o", "BUY", "1", false, "r"));
                JournalTestBase.awaitDrained(j);
            }
            assertEquals(1, db.count("SELECT COUNT(*) FROM order_intent WHERE record_key = 'late'"));
        }
    }
}
