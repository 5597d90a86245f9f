// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditStatus;
import org.tradeengine.api.audit.DailyPnl;
import org.tradeengine.api.audit.EquityPoint;
import org.tradeengine.api.audit.OrderLifeStep;
import org.tradeengine.api.audit.RestorePoint;
import org.tradeengine.api.audit.RuleDeploymentEntry;
import org.tradeengine.api.audit.StoredFill;
import org.tradeengine.api.audit.StoredRiskEvent;
import org.tradeengine.support.Placeholders;

/**
 * The journal as a service: an {@link AuditJournal} and its {@link AuditQueries}, registered whether or not the
 * database is there (queries throw {@link org.tradeengine.api.audit.AuditUnavailableException} until it is). The
 * database is the {@code javax.sql.DataSource} service with {@code dataSourceName=tradeengine} (pax-jdbc-config
 * registers it from {@code etc/org.ops4j.datasource-tradeengine.cfg}); it is an optional, dynamic, greedy reference
 * plugged into a {@link DataSourceSlot}, so while there is none, or while it is replaced, records wait in the spool
 * and are written when it comes. Another data source can be chosen with {@code dataSource.target} in
 * {@code etc/org.tradeengine.journal.cfg}.
 */
@Component(service = {AuditJournal.class, AuditQueries.class}, configurationPid = JournalComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = JournalComponent.Config.class)
public final class JournalComponent implements AuditJournal, AuditQueries {

    /** The configuration PID. */
    public static final String PID = "org.tradeengine.journal";
    /** The data source the journal uses unless {@code dataSource.target} says otherwise. */
    public static final String DATA_SOURCE_TARGET = "(dataSourceName=tradeengine)";

    private static final Logger logger = LoggerFactory.getLogger(JournalComponent.class);

    /** Journal configuration ({@code etc/org.tradeengine.journal.cfg}, optional). */
    @ObjectClassDefinition(name = "Trade Engine audit journal",
            description = "Spool and batching of the audit journal. The database is the DataSource service with"
                    + " dataSourceName=tradeengine (etc/org.ops4j.datasource-tradeengine.cfg).")
    public @interface Config {
        /** @return the spool directory */
        @AttributeDefinition(name = "Spool directory", description = "Where records wait until the database has"
                + " them; keep it across restarts. ${karaf.data} and other ${property} placeholders are expanded")
        String spool_dir() default "${karaf.data}/journal";

        /** @return the batch size */
        @AttributeDefinition(name = "Batch size", description = "Most records written in one transaction (1..100000)")
        int batch_size() default 500;

        /** @return the close timeout */
        @AttributeDefinition(name = "Close timeout (s)", description = "How long a stop keeps writing the backlog"
                + " while the database takes it; the rest stays in the spool for the next start (0..600)")
        int close_timeout_s() default 10;
    }

    private final DataSourceSlot slot = new DataSourceSlot("no javax.sql.DataSource service " + DATA_SOURCE_TARGET
            + " (configure etc/org.ops4j.datasource-tradeengine.cfg); records wait in the spool");
    private final JournalService journal;
    private volatile boolean closed;

    /**
     * Opens the spool and starts the writer.
     *
     * @param config the configuration
     * @param context the bundle context, for {@code ${property}} placeholders in {@code spool.dir}
     * @throws IOException if the spool directory cannot be created or read
     */
    @Activate
    public JournalComponent(Config config, BundleContext context) throws IOException {
        this(config, context::getProperty);
    }

    JournalComponent(Config config, UnaryOperator<String> properties) throws IOException {
        JournalSettings settings = settings(config, properties);
        try {
            journal = new JournalService(slot, settings);
        } catch (IOException | RuntimeException e) {
            logger.error("Journal: cannot open the spool {} ({}); set spool.dir in etc/{}.cfg to a writable directory",
                    settings.spoolDir(), e.toString(), PID);
            throw e;
        }
        journal.start();
        logger.info("Journal: spool {}, {} records from an earlier run to write", settings.spoolDir(), journal.backlog());
    }

    static JournalSettings settings(Config config, UnaryOperator<String> properties) {
        Path dir = Path.of(expand(config.spool_dir(), properties)).toAbsolutePath().normalize();
        int batch = Math.max(1, Math.min(100_000, config.batch_size()));
        int close = Math.max(0, Math.min(600, config.close_timeout_s()));
        if (batch != config.batch_size() || close != config.close_timeout_s()) {
            logger.warn("Journal: batch.size {} / close.timeout.s {} out of range in etc/{}.cfg; using {} / {}",
                    config.batch_size(), config.close_timeout_s(), PID, batch, close);
        }
        return JournalSettings.defaults(dir).withBatchSize(batch).withCloseTimeout(Duration.ofSeconds(close));
    }

    /** Replaces {@code ${name}} by the framework or system property; an unknown one is left as it is (and warned). */
    static String expand(String value, UnaryOperator<String> properties) {
        return Placeholders.expand(value, Placeholders.orSystemProperty(properties), name -> {
            logger.warn("Journal: no property {} for spool.dir '{}'; kept literally", name, value);
            return null;
        });
    }

    @Reference(name = "dataSource", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = DATA_SOURCE_TARGET, unbind = "unbindDataSource")
    void bindDataSource(DataSource ds) {
        slot.plug(ds);
        logger.info("Journal: database service bound; writing the backlog of {} records", journal == null ? 0
                : journal.backlog());
    }

    void unbindDataSource(DataSource ds) {
        slot.unplug(ds);
        if (!closed) {
            logger.info("Journal: database service gone; records wait in the spool");
        }
    }

    @Override
    public void append(AuditRecord record) {
        journal.append(record);
    }

    @Override
    public long backlog() {
        return journal.backlog();
    }

    @Override
    public AuditStatus status() {
        return journal.status();
    }

    @Override
    public List<DailyPnl> dailyPnl(LocalDate from, LocalDate to) {
        return journal.dailyPnl(from, to);
    }

    @Override
    public List<StoredFill> fills(LocalDate day, int limit) {
        return journal.fills(day, limit);
    }

    @Override
    public List<StoredRiskEvent> riskEvents(int limit) {
        return journal.riskEvents(limit);
    }

    @Override
    public List<RuleDeploymentEntry> ruleDeployments(String ruleSet, int limit) {
        return journal.ruleDeployments(ruleSet, limit);
    }

    @Override
    public List<OrderLifeStep> orderLife(String id) {
        return journal.orderLife(id);
    }

    @Override
    public List<EquityPoint> equityCurve(Instant from, Instant to) {
        return journal.equityCurve(from, to);
    }

    @Override
    public RestorePoint restorePoint(Duration wait) {
        return journal.restorePoint(wait);
    }

    /** Writes the backlog while the database takes it (at most close.timeout.s), then closes the spool. */
    @Deactivate
    public void deactivate() {
        closed = true;
        journal.close();
    }
}
