// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Properties;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.AuditStatus;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.trading.PositionView;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/**
 * The distribution configured for PostgreSQL through {@code etc/} (a fresh database on 127.0.0.1:5432, the password
 * taken from the environment), recording a paper session over the replayed recordings:
 * <ol>
 * <li>PostgreSQL is made unreachable in the middle of the session (the database refuses connections and the
 * journal's are killed) while the desk keeps trading; when it is back, every order and every fill of the session is
 * in the database exactly once, counted against the paper broker's own ledger;</li>
 * <li>with a position open the desk is HALTED, then the trading desk, the paper broker and the journal are restarted
 * (their in-memory state is gone, and so is the desk's state file): the latched HALTED and the position come back
 * from PostgreSQL, reconciled with the paper broker before anything else.</li>
 * </ol>
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresJournalIT {

    private static final Duration LONG = Duration.ofMinutes(3);
    private static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-tradeengine.cfg";
    private static final String HELD = "3600000";
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DB_PROPERTY = "te.it.pg.database";
    private static final int FILLS_BEFORE_OUTAGE = 2;
    private static final int FILLS_DURING_OUTAGE = 3;

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;

    /** Driver side: a fresh database, and the distribution's data source pointed at it. */
    @Configuration
    public Option[] configuration() throws SQLException {
        String db = "te_it_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return PaperDistribution.boot(
                systemProperty(DB_PROPERTY).value(db),
                editConfigurationFilePut(PaperDistribution.PERP_CFG, "speed", "10"),
                editConfigurationFilePut(PaperDistribution.SPOT_CFG, "speed", "10"),
                editConfigurationFilePut(PaperDistribution.PERP_CFG, "startDelayMillis", HELD),
                editConfigurationFilePut(PaperDistribution.SPOT_CFG, "startDelayMillis", HELD),
                editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(DATASOURCE_CFG, "dataSourceName", "tradeengine"),
                editConfigurationFilePut(DATASOURCE_CFG, "url", PG + db + "?connectTimeout=5&socketTimeout=30"),
                editConfigurationFilePut(DATASOURCE_CFG, "user", "postgres"),
                editConfigurationFilePut(DATASOURCE_CFG, "password", "${env:TE_DB_PASSWORD}"),
                editConfigurationFilePut(DATASOURCE_CFG, "pool", "hikari"),
                editConfigurationFilePut(DATASOURCE_CFG, "hikari.initializationFailTimeout", "-1"));
    }

    @After
    public void dropDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database() + " WITH (FORCE)");
        }
    }

    @Test
    public void aSessionThroughAnOutageIsStoredExactlyOnceAndARestartRestoresPositionsAndTheHalt() throws Exception {
        // the password came from the environment (the file holds ${env:TE_DB_PASSWORD} only)
        Object password = dataSourceConfig().get("password");
        assertEquals("password interpolated from the environment", System.getenv("TE_DB_PASSWORD"), password);

        // the desk restores from PostgreSQL (empty at first) and reconciles with the paper broker before trading
        Poll.until("the desk restored from PostgreSQL and reconciled", LONG, () -> desk().status().restore(),
                r -> r.contains("reconciled with PAPER"));

        // 1. trading, then PostgreSQL goes away while the desk keeps trading, then it comes back
        Replays.startDelay(configAdmin, "0");
        Poll.until(FILLS_BEFORE_OUTAGE + " fills", LONG, () -> desk().fills(10_000).size(), n -> n >= FILLS_BEFORE_OUTAGE);
        blockDatabase(true);
        int atOutage = desk().fills(10_000).size();
        Poll.until("the journal to notice the outage", LONG, () -> queries().status(), s -> !s.databaseUp());
        Poll.until(FILLS_DURING_OUTAGE + " fills during the outage", LONG, () -> desk().fills(10_000).size(),
                n -> n >= atOutage + FILLS_DURING_OUTAGE);
        AuditStatus during = queries().status();
        assertTrue("records wait in the spool during the outage: " + during, during.backlog() > 0);
        int duringOutage = desk().fills(10_000).size() - atOutage;
        blockDatabase(false);

        // 2. a position open when the session is held, then HALTED with it
        List<PositionView> open = holdWithAPositionOpen();
        desk().halt("it: end of the session with a position", "itest");
        Poll.until("the journal to write its backlog", LONG, () -> queries().status(),
                s -> s.databaseUp() && s.backlog() == 0);

        // every order and fill of the session, in PostgreSQL exactly once, against the paper broker's own ledger
        PaperLedgerFile.Counts venue = PaperLedgerFile.read(Path.of(System.getProperty("karaf.data"), "paper",
                "ledger.log"));
        assertTrue("the session traded: " + venue, venue.fills().size() >= FILLS_BEFORE_OUTAGE + FILLS_DURING_OUTAGE);
        assertEquals("orders the paper broker saw, each journaled once", venue.orderIds(),
                strings("SELECT client_order_id FROM order_intent WHERE client_order_id IN (" + quoted(venue.orderIds())
                        + ") ORDER BY client_order_id"));
        assertEquals("order intents per client order id", 0L,
                count("SELECT COUNT(*) FROM (SELECT client_order_id FROM order_intent GROUP BY client_order_id"
                        + " HAVING COUNT(*) <> 1) d"));
        assertEquals("fills of the paper broker's ledger = fills in PostgreSQL (each once)", venue.fills(), fillsInDatabase());
        assertEquals("journaled fills with problems", 0L, count("SELECT COUNT(*) FROM order_fill WHERE problems IS NOT NULL"));
        System.out.println("PostgresJournalIT: " + venue.orderIds().size() + " orders and " + venue.fills().size()
                + " fills in the paper ledger, each once in PostgreSQL; " + duringOutage + " fills during the outage; backlog during the outage " + during.backlog() + " records");

        // 3. restart the stateful bundles; the desk's state file is gone too: what comes back comes from PostgreSQL
        List<Bundle> stateful = List.of(Components.bundle(context, "org.tradeengine.trading"),
                Components.bundle(context, "org.tradeengine.broker.paper"), Components.bundle(context, "org.tradeengine.journal"));
        for (Bundle b : stateful) {
            b.stop();
        }
        Files.deleteIfExists(Path.of(System.getProperty("karaf.data"), "trading", "state.json"));
        for (Bundle b : List.of(stateful.get(2), stateful.get(1), stateful.get(0))) {
            b.start();
        }
        TradingStatus after = Poll.until("the restarted desk restored and reconciled", LONG, () -> desk().status(),
                s -> s.restore().contains("reconciled with PAPER"));
        assertEquals(after.restore(), TradingState.HALTED, after.state());
        assertEquals("it: end of the session with a position", after.reason());
        assertFalse("no reconciliation difference: " + after.restore(), after.reason().contains("reconciliation"));
        List<PositionView> restored = desk().positions();
        assertEquals(describe(open), describe(restored));
        assertNotEquals(0, restored.size());
        System.out.println("PostgresJournalIT: restored " + after.state() + " (" + after.reason() + "), " + describe(restored)
                + "; " + after.restore());
    }

    // ---- the session ----

    private List<PositionView> holdWithAPositionOpen() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            Replays.startDelay(configAdmin, "0");
            Poll.until("a position open", LONG, () -> desk().positions(), p -> !p.isEmpty());
            Replays.startDelay(configAdmin, HELD); // no book updates from here: no exit can close it
            List<PositionView> open = desk().positions();
            if (!open.isEmpty()) {
                return open;
            }
        }
        throw new AssertionError("no position stayed open when the replays were held");
    }

    private static List<String> describe(List<PositionView> positions) {
        List<String> out = new ArrayList<>();
        for (PositionView p : positions) {
            out.add(p.instrument() + " " + plain(p.quantity()) + " @ " + plain(p.entryPrice()) + " " + p.correlationId());
        }
        return out;
    }

    // ---- PostgreSQL ----

    /** Makes the test database refuse connections and kills the journal's, or lets it accept them again. */
    private void blockDatabase(boolean block) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database() + " WITH ALLOW_CONNECTIONS " + !block);
            if (block) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database() + "'");
            }
        }
    }

    private static Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect(PG + "postgres", p);
    }

    private static String database() {
        String db = System.getProperty(DB_PROPERTY);
        if (db == null || !db.matches("te_it_[a-z0-9]+")) {
            throw new IllegalStateException("no test database name in " + DB_PROPERTY + ": " + db);
        }
        return db;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        try (Connection c = new org.postgresql.Driver().connect(PG + database(), p);
                PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Every journaled fill as the ledger reader describes one, sorted. */
    private List<String> fillsInDatabase() throws SQLException {
        List<String> out = new ArrayList<>();
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        try (Connection c = new org.postgresql.Driver().connect(PG + database(), p);
                PreparedStatement s = c.prepareStatement("SELECT client_order_id, side, qty, price, fee FROM order_fill");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(PaperLedgerFile.describeFill(r.getString(1), r.getString(2), r.getBigDecimal(3), r.getBigDecimal(4),
                        r.getBigDecimal(5)));
            }
        }
        out.sort(null);
        return out;
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    private static String quoted(List<String> ids) {
        if (ids.isEmpty()) {
            return "''";
        }
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            if (!id.matches("[A-Za-z0-9._:-]+")) {
                throw new IllegalArgumentException("unexpected client order id " + id);
            }
            sb.append(sb.length() == 0 ? "" : ",").append('\'').append(id).append('\'');
        }
        return sb.toString();
    }

    private Dictionary<String, Object> dataSourceConfig() throws Exception {
        org.osgi.service.cm.Configuration[] all =
                configAdmin.listConfigurations("(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=tradeengine))");
        assertTrue("the tradeengine data source configuration", all != null && all.length == 1);
        return all[0].getProperties();
    }

    // ---- services ----

    private TradingDesk desk() {
        return Components.service(context, TradingDesk.class, null);
    }

    private AuditQueries queries() {
        return Components.service(context, AuditQueries.class, null);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }
}
