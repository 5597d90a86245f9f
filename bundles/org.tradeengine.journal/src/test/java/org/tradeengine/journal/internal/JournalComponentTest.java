// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditUnavailableException;
import org.tradeengine.api.audit.RestorePoint;

/** The DS component without OSGi: registered with no database, records wait in the spool until one is bound. */
class JournalComponentTest {

    private static final Instant T0 = Instant.parse("2024-08-08T12:00:00Z");

    @TempDir
    Path tmp;

    private static JournalComponent.Config config(String spoolDir, int batchSize) {
        return new JournalComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return JournalComponent.Config.class;
            }

            @Override
            public String spool_dir() {
                return spoolDir;
            }

            @Override
            public int batch_size() {
                return batchSize;
            }

            @Override
            public int close_timeout_s() {
                return 10;
            }
        };
    }

    @Test
    public void recordsWaitInTheSpoolUntilADataSourceIsBoundAndAfterItLeaves() throws Exception {
        Map<String, String> props = Map.of("karaf.data", tmp.toString());
        JournalComponent journal = new JournalComponent(config("${karaf.data}/journal", 7), props::get);
        try (H2Database db = new H2Database()) {
            for (int i = 0; i < 20; i++) {
                journal.append(Records.fill("f" + i, T0.plusSeconds(i), "c" + i, "o" + i, "BUY", "0.010", "65000.1",
                        "0.0130", "imbalance-buy", "0"));
            }
            assertEquals(20, journal.backlog(), "no database: everything waits in the spool");
            assertEquals(false, journal.status().databaseUp());

            DataSource ds = db.dataSource();
            journal.bindDataSource(ds);
            Await.until("the backlog written", () -> journal.backlog() == 0, () -> journal.status().toString());
            assertEquals(20, db.count("SELECT COUNT(*) FROM order_fill"));
            assertEquals(20, db.count("SELECT COUNT(DISTINCT record_key) FROM order_fill"));

            journal.unbindDataSource(ds);
            journal.append(Records.fill("f20", T0.plusSeconds(20), "c20", "o20", "SELL", "0.010", "65001.1", "0.0130",
                    "time-stop", "0.0100"));
            journal.bindDataSource(db.dataSource()); // a replacement service
            Await.until("the record after the outage written", () -> journal.backlog() == 0,
                    () -> journal.status().toString());
            assertEquals(21, db.count("SELECT COUNT(*) FROM order_fill"));
        } finally {
            journal.deactivate();
        }
        assertEquals(true, tmp.resolve("journal").toFile().isDirectory(), "${karaf.data} expanded");
    }

    @Test
    public void aSpoolLeftWithoutADatabaseIsWrittenByTheNextActivation() throws Exception {
        JournalComponent first = new JournalComponent(config(tmp.resolve("spool").toString(), 500), k -> null);
        first.append(Records.fill("k1", T0, "c1", "o1", "BUY", "0.010", "65000.1", "0.0130", "imbalance-buy", "0"));
        first.deactivate();
        JournalComponent second = new JournalComponent(config(tmp.resolve("spool").toString(), 500), k -> null);
        try (H2Database db = new H2Database()) {
            assertEquals(1, second.backlog(), "the earlier run's record is still owed");
            second.bindDataSource(db.dataSource());
            Await.until("the earlier record written", () -> second.backlog() == 0, () -> second.status().toString());
            assertEquals(1, db.count("SELECT COUNT(*) FROM order_fill WHERE record_key = 'k1'"));
        } finally {
            second.deactivate();
        }
    }

    @Test
    public void theComponentAnswersAuditQueriesOnceADatabaseIsBound() throws Exception {
        JournalComponent journal = new JournalComponent(config(tmp.resolve("spool").toString(), 500), k -> null);
        try (H2Database db = new H2Database()) {
            AuditQueries queries = journal;
            AuditRecord position = Records.position("p1", T0, "c1", "BTCUSDT-PERP.BINANCE_FUTURES", "0.002", "65000.1",
                    "0");
            journal.append(position);
            Await.until("the writer reports the missing data source", () -> !journal.status().lastProblem().isEmpty(),
                    () -> journal.status().toString());
            AuditUnavailableException none = assertThrows(AuditUnavailableException.class,
                    () -> queries.restorePoint(Duration.ZERO));
            assertTrue(none.getMessage().contains("no javax.sql.DataSource service (dataSourceName=tradeengine)"),
                    none.getMessage());
            assertTrue(none.getMessage().endsWith("; 1 record waits in the spool"), none.getMessage());

            journal.bindDataSource(db.dataSource());
            RestorePoint rp = queries.restorePoint(Duration.ofSeconds(60));
            assertEquals(List.of(position), rp.positions());
            assertEquals(1, rp.storedRecords());
            assertEquals(1, queries.status().stored());
            assertEquals(List.of(), queries.orderLife("c1"), "a position is not a step of an order's life");
        } finally {
            journal.deactivate();
        }
    }

    @Test
    public void placeholdersComeFromTheFrameworkThenTheSystemAndUnknownOnesStay() {
        Map<String, String> props = Map.of("karaf.data", "/opt/te/data");
        assertEquals("/opt/te/data/journal", JournalComponent.expand("${karaf.data}/journal", props::get));
        assertEquals(System.getProperty("java.io.tmpdir") + "/j", JournalComponent.expand("${java.io.tmpdir}/j", props::get));
        assertEquals("${no.such.property}/j", JournalComponent.expand("${no.such.property}/j", props::get));
    }

    @Test
    public void outOfRangeNumbersAreClamped() {
        JournalSettings s = JournalComponent.settings(config(tmp.toString(), 0), k -> null);
        assertEquals(1, s.batchSize());
    }
}
