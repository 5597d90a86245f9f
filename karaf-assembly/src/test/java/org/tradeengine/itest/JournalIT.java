// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.FeaturesService;
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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.trading.FillView;
import org.tradeengine.api.trading.TradingDesk;

/**
 * The audit journal in the built distribution: {@code trade-engine-journal} installs into the running paper setup,
 * pax-jdbc-config turns {@code etc/org.ops4j.datasource-tradeengine.cfg} into a pooled (HikariCP) H2 DataSource in
 * PostgreSQL mode, the desk journals its orders and fills while it trades the replayed recordings (ten times faster
 * than recorded), and the database ends up with every fill the desk reports, each once, with its order intent, its
 * FILL order event and the signal it traces back to.
 *
 * <p>The replays are held (a start delay of an hour) until the journal is bound, so the desk's first fill is already
 * journaled and the counts can be compared exactly; they are held again before the comparison so the counts settle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JournalIT {

    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-tradeengine.cfg";
    private static final String HELD = "3600000";
    private static final int ENOUGH_FILLS = 4;

    @Inject
    private BundleContext context;
    @Inject
    private FeaturesService features;
    @Inject
    private ServiceComponentRuntime scr;
    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] configuration() {
        return PaperDistribution.boot(
                editConfigurationFilePut(PaperDistribution.PERP_CFG, "speed", "10"),
                editConfigurationFilePut(PaperDistribution.SPOT_CFG, "speed", "10"),
                editConfigurationFilePut(PaperDistribution.PERP_CFG, "startDelayMillis", HELD),
                editConfigurationFilePut(PaperDistribution.SPOT_CFG, "startDelayMillis", HELD),
                editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.name", "H2 JDBC Driver"),
                editConfigurationFilePut(DATASOURCE_CFG, "dataSourceName", "tradeengine"),
                editConfigurationFilePut(DATASOURCE_CFG, "url", "jdbc:h2:file:${karaf.data}/journal-db;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
                editConfigurationFilePut(DATASOURCE_CFG, "user", "sa"),
                editConfigurationFilePut(DATASOURCE_CFG, "pool", "hikari"));
    }

    @Test
    public void theDatabaseHoldsEveryFillOfTheDeskOnceWithItsOrderIntent() throws Exception {
        // 1. install the journal into the running distribution (no refresh: the engine keeps running)
        features.installFeature("trade-engine-journal", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Bundle journalBundle = Poll.until("the journal bundle to start", LONG,
                () -> Components.bundle(context, "org.tradeengine.journal"), b -> b.getState() == Bundle.ACTIVE);
        Poll.until("the AuditJournal service", LONG, () -> Components.service(context, AuditJournal.class, null) != null);
        Poll.until("the tradeengine DataSource from pax-jdbc-config", LONG,
                () -> Components.service(context, DataSource.class, "(dataSourceName=tradeengine)") != null);
        assertEquals("journal components not ACTIVE", List.of(),
                Poll.until("the journal component active", LONG,
                        () -> uncheck(() -> new Components(context, scr, configAdmin).problems(journalBundle)),
                        List::isEmpty));

        // 2. let the replays go: the desk trades, and the journal is bound before its first order
        Replays.startDelay(configAdmin, "0");
        try {
            Poll.until(ENOUGH_FILLS + " fills on the desk", LONG, () -> desk().fills(10_000).size(),
                    n -> n >= ENOUGH_FILLS);
        } finally {
            Replays.startDelay(configAdmin, HELD); // no book updates: no more fills, the counts settle
        }

        // 3. the database catches up: same fills, each once, each with its order intent
        List<String> deskFills = Poll.until("the journal to write every fill the desk reports", LONG, () -> {
            List<String> desk = sorted(desk().fills(100_000), JournalIT::describe);
            long backlog = Components.service(context, AuditJournal.class, null).backlog();
            return backlog == 0 && desk.equals(journaledFills()) ? desk : null;
        }, d -> true);
        assertTrue("the desk traded: " + deskFills, deskFills.size() >= ENOUGH_FILLS);
        assertEquals("fill rows (record keys unique)", deskFills.size(),
                count("SELECT COUNT(DISTINCT record_key) FROM order_fill"));
        assertEquals("fills without exactly one order intent", List.of(), strings(
                "SELECT f.record_key FROM order_fill f WHERE (SELECT COUNT(*) FROM order_intent o"
                        + " WHERE o.client_order_id = f.client_order_id) <> 1"));
        assertEquals("journaled fills with problems", 0,
                count("SELECT COUNT(*) FROM order_fill WHERE problems IS NOT NULL"));
        assertEquals("FILL order events", deskFills.size(),
                count("SELECT COUNT(*) FROM order_event WHERE event_type = 'FILL'"));
        assertEquals("fills without the signal they trace back to", List.of(), strings(
                "SELECT f.record_key FROM order_fill f WHERE NOT EXISTS (SELECT 1 FROM trade_signal s"
                        + " WHERE s.correlation_id = f.correlation_id)"));
    }

    // ---- the replays ----

    // ---- the desk ----

    private TradingDesk desk() {
        return Components.service(context, TradingDesk.class, null);
    }

    private static String describe(FillView f) {
        return f.clientOrderId() + " " + f.side() + " " + plain(f.quantity()) + " @ " + plain(f.price()) + " fee "
                + plain(f.fee());
    }

    // ---- the database ----

    private List<String> journaledFills() {
        List<String> out = new ArrayList<>();
        query("SELECT client_order_id, side, qty, price, fee FROM order_fill", r -> {
            out.add(r.getString(1) + " " + r.getString(2) + " " + plain(r.getBigDecimal(3)) + " @ "
                    + plain(r.getBigDecimal(4)) + " fee " + plain(r.getBigDecimal(5)));
        });
        return sorted(out, Function.identity());
    }

    private long count(String sql) {
        long[] n = new long[1];
        query(sql, r -> n[0] = r.getLong(1));
        return n[0];
    }

    private List<String> strings(String sql) {
        List<String> out = new ArrayList<>();
        query(sql, r -> out.add(r.getString(1)));
        return out;
    }

    private void query(String sql, Row row) {
        DataSource ds = Components.service(context, DataSource.class, "(dataSourceName=tradeengine)");
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                row.accept(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e); // e.g. not migrated yet: Poll retries
        }
    }

    private interface Row {
        void accept(ResultSet r) throws SQLException;
    }

    // ---- helpers ----

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    private static <T> List<String> sorted(Collection<T> items, Function<T, String> text) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(i -> counts.merge(text.apply(i), 1, Integer::sum));
        return counts.entrySet().stream().flatMap(e -> java.util.Collections.nCopies(e.getValue(), e.getKey()).stream())
                .collect(Collectors.toList());
    }

    private interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T uncheck(Check<T> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
