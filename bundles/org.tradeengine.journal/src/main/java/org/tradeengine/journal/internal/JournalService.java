// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.audit.AuditRecord;

/**
 * The audit journal. {@link #append} writes the record to the local spool and fsyncs it before it returns (so a
 * record it accepted survives a crash of the process or the machine); the {@code journal-writer} thread writes the
 * spool to the database in order, in batches, and moves the spool offset only after the database committed. If the
 * database is down, records wait in the spool ({@link #backlog()} grows) and are written, in order and each exactly
 * once (the tables are keyed by the record key), when it is back; a spool left by an earlier run is written first.
 *
 * <p>Plain Java: build it with a {@link DataSource} and {@link JournalSettings}, call {@link #start()}, and
 * {@link #close()} it. Appends work from the constructor on; migrations run on the writer thread, as soon as the
 * database answers.
 */
public final class JournalService implements AuditJournal, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(JournalService.class);
    private static final int LOUD_PROBLEMS = 20;

    private final JournalSettings settings;
    private final Spool spool;
    private final JournalStore store;
    private final JournalWriter writer;
    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicLong badAppends = new AtomicLong();
    private final AtomicLong memoryOnly = new AtomicLong();
    private volatile boolean closed;

    /**
     * Opens the spool (recovering what an earlier run left) and prepares the database side; nothing runs yet.
     *
     * @param dataSource the database (PostgreSQL, or H2 with {@code MODE=PostgreSQL})
     * @param settings spool directory and tuning
     * @throws IOException if the spool directory cannot be created, read or written
     */
    public JournalService(DataSource dataSource, JournalSettings settings) throws IOException {
        this(dataSource, settings, Clock.systemUTC());
    }

    JournalService(DataSource dataSource, JournalSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.spool = SpoolRecovery.open(settings.spoolDir(), settings.segmentBytes(), clock);
        this.store = new JournalStore(dataSource);
        this.writer = new JournalWriter(spool, store, settings);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "journal-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the writer thread: migrations, then the spool (earlier run's records first), then new records. */
    public void start() {
        executor.execute(writer);
    }

    /**
     * Appends a record: on disk when this returns. Never throws: a null record is counted and logged; if the disk
     * refuses the write, the record is kept in memory (counted, logged) and written before any later one.
     *
     * @param record the record
     */
    @Override
    public void append(AuditRecord record) {
        if (record == null) {
            badAppends.incrementAndGet();
            logger.warn("Journal: append(null) ignored");
            return;
        }
        if (closed) {
            badAppends.incrementAndGet();
            logger.warn("Journal: {} {} appended after close; not journaled", record.type(),
                    JournalWriter.printable(record.key()));
            return;
        }
        String type = record.type() == null ? "UNKNOWN" : record.type().name();
        boolean durable = spool.append(type, record.at(), record.key(), record.correlationId(), record.fields(),
                clock.instant());
        if (!durable && memoryOnly.incrementAndGet() <= LOUD_PROBLEMS) {
            logger.error("Journal: cannot write the spool ({}); {} {} is held in memory until the disk takes it",
                    spool.lastWriteProblem(), type, JournalWriter.printable(record.key()));
        }
        writer.wakeUp();
    }

    /** @return records accepted and not yet in the database */
    @Override
    public long backlog() {
        return spool.backlog();
    }

    /** @return counters and state */
    public JournalStatus status() {
        return new JournalStatus(spool.backlog(), writer.stored.get(), writer.duplicates.get(), writer.withProblems.get(),
                writer.refused.get(), writer.rejected.get(), spool.writeFailures(), writer.databaseUp(),
                writer.lastProblem());
    }

    /** @return appends that were ignored: null records, or after close */
    public long badAppends() {
        return badAppends.get();
    }

    /**
     * Fills and P&amp;L per UTC day and instrument.
     *
     * @param from first UTC day
     * @param to last UTC day, inclusive
     * @return rows by day, then instrument
     * @throws JournalQueryException if the database cannot answer
     */
    public List<JournalViews.DailyPnl> dailyPnl(LocalDate from, LocalDate to) {
        return query("daily P&L", m -> m.dailyPnl(from, to));
    }

    /**
     * @param day a UTC day
     * @return its fills in journal order
     * @throws JournalQueryException if the database cannot answer
     */
    public List<JournalViews.Fill> fillsOn(LocalDate day) {
        return query("fills", m -> m.fillsOn(day));
    }

    /**
     * @param limit most rows
     * @return risk decisions other than ALLOW, newest first
     * @throws JournalQueryException if the database cannot answer
     */
    public List<JournalViews.RiskEvent> riskEvents(int limit) {
        return query("risk events", m -> m.riskEvents(limit));
    }

    /**
     * @param ruleSet a rule set, or null for all
     * @param limit most rows
     * @return deployment attempts, newest first
     * @throws JournalQueryException if the database cannot answer
     */
    public List<JournalViews.RuleDeployment> ruleDeployments(String ruleSet, int limit) {
        return query("rule deployments", m -> m.ruleDeployments(ruleSet, limit));
    }

    /**
     * The life of an order: signal, order, risk decision, events, fills and exit sharing one correlation id.
     *
     * @param correlationId the correlation id
     * @return the steps in journal order
     * @throws JournalQueryException if the database cannot answer
     */
    public List<JournalViews.OrderLifeEvent> orderLife(String correlationId) {
        return query("order life", m -> m.orderLife(correlationId));
    }

    /**
     * @param from first instant, inclusive
     * @param to last instant, exclusive
     * @return the equity curve in time order
     * @throws JournalQueryException if the database cannot answer
     */
    public List<JournalViews.EquityPoint> equityCurve(Instant from, Instant to) {
        return query("equity curve", m -> m.equityCurve(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)));
    }

    private <T> T query(String what, Function<JournalMapper, T> q) {
        try {
            return store.query(q);
        } catch (RuntimeException | AssertionError e) {
            throw new JournalQueryException("journal query '" + what + "' failed: " + JournalWriter.rootMessage(e), e);
        }
    }

    /**
     * Stops the writer: it goes on writing the backlog for at most {@code closeTimeout} while the database takes it;
     * what is left stays in the spool for the next run. Appends after close are ignored (counted).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop(settings.closeTimeout().toNanos());
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.closeTimeout().toMillis() + 70_000, TimeUnit.MILLISECONDS)) {
                logger.warn("Journal: writer did not stop in time; the spool keeps what it did not write");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            spool.close();
        } catch (IOException e) {
            logger.error("Journal: closing the spool failed: {}", e.toString());
        }
        if (spool.backlog() > 0) {
            logger.info("Journal: stopped with {} records in the spool {}; the next start writes them",
                    spool.backlog(), settings.spoolDir());
        }
    }
}
