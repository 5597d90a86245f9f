// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fresh database per test class (PostgreSQL or H2, see the subclasses), migrated once and emptied before each
 * test; journals built here are closed after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JournalTestBase {

    protected TestDatabase db;
    protected final List<JournalService> journals = new ArrayList<>();

    @TempDir
    protected Path spoolDir;

    /** @return a fresh database for this class */
    abstract TestDatabase newDatabase();

    @BeforeAll
    void createDatabase() {
        db = newDatabase();
        new JournalStore(db.dataSource()).migrate();
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        db.clear();
    }

    @AfterEach
    void closeJournals() {
        journals.forEach(JournalService::close);
        journals.clear();
    }

    static JournalSettings settings(Path dir) {
        return JournalSettings.defaults(dir).withRetry(Duration.ofMillis(20), Duration.ofMillis(200))
                .withCloseTimeout(Duration.ofSeconds(5));
    }

    JournalService journal(DataSource ds, JournalSettings settings) throws IOException {
        JournalService j = new JournalService(ds, settings);
        journals.add(j);
        j.start();
        return j;
    }

    JournalService journal() throws IOException {
        return journal(db.dataSource(), settings(spoolDir));
    }

    static void awaitDrained(JournalService j) {
        Await.until("backlog 0", () -> j.backlog() == 0, () -> j.status().toString());
    }

    /** @return every column of the row with that key, by lower-case column name; event_at as an Instant */
    Map<String, Object> row(String table, String key) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE record_key = ?")) {
            ps.setString(1, key);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no row " + key + " in " + table);
                }
                ResultSetMetaData md = r.getMetaData();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(), r.getObject(i));
                }
                row.put("event_at", r.getObject("event_at", OffsetDateTime.class).toInstant());
                return row;
            }
        }
    }

    static void assertDecimal(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected + ", got NULL");
        BigDecimal a = (BigDecimal) actual;
        assertEquals(0, new BigDecimal(expected).compareTo(a), "expected " + expected + ", got " + a.toPlainString());
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
