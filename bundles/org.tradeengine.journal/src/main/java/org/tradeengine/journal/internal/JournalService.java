// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditStatus;
import org.tradeengine.api.audit.AuditUnavailableException;
import org.tradeengine.api.audit.DailyPnl;
import org.tradeengine.api.audit.EquityPoint;
import org.tradeengine.api.audit.OrderLifeStep;
import org.tradeengine.api.audit.RestorePoint;
import org.tradeengine.api.audit.RuleDeploymentEntry;
import org.tradeengine.api.audit.StoredFill;
import org.tradeengine.api.audit.StoredRiskEvent;

/**
 * The audit journal. {@link #append} writes the record to the local spool and fsyncs it before it returns (so a
 * record it accepted survives a crash of the process or the machine); the {@code journal-writer} thread writes the
 * spool to the database in order, in batches, and moves the spool offset only after the database committed. If the
 * database is down, records wait in the spool ({@link #backlog()} grows) and are written, in order and each exactly
 * once (the tables are keyed by the record key), when it is back; a spool left by an earlier run is written first.
 *
 * <p>It also answers {@link AuditQueries} from the database: history for the shell and the API, and the
 * {@link #restorePoint restore point} a restart resumes from. A query the database cannot answer throws
 * {@link AuditUnavailableException} saying which query, why, where the database is (URL without user, password or
 * options) and how many records wait in the spool.
 *
 * <p>Plain Java: build it with a {@link DataSource} and {@link JournalSettings}, call {@link #start()}, and
 * {@link #close()} it. Appends work from the constructor on; migrations run on the writer thread, as soon as the
 * database answers.
 */
public final class JournalService implements AuditJournal, AuditQueries, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(JournalService.class);
    private static final int LOUD_PROBLEMS = 20;
    /** The field the restore point adds to an open order: what its latest event said is left. */
    static final String LEAVES_QTY = "leavesQty";

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
    @Override
    public AuditStatus status() {
        return new AuditStatus(spool.backlog(), writer.stored.get(), writer.duplicates.get(), writer.withProblems.get(),
                writer.refused.get(), writer.rejected.get(), spool.writeFailures(), writer.databaseUp(),
                writer.lastProblem());
    }

    /** @return appends that were ignored: null records, or after close */
    public long badAppends() {
        return badAppends.get();
    }

    /**
     * Fills and P&amp;L per UTC day (of the fills' event time) and instrument, summed exactly.
     *
     * @param from first UTC day
     * @param to last UTC day, inclusive
     * @return rows by day, then instrument; empty if {@code from} is after {@code to}
     * @throws AuditUnavailableException if the database cannot answer
     */
    @Override
    public List<DailyPnl> dailyPnl(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "dailyPnl: from (first day) is null");
        Objects.requireNonNull(to, "dailyPnl: to (last day) is null");
        return query("daily P&L", m -> m.dailyPnl(from, to));
    }

    /**
     * @param day a UTC day
     * @param limit most rows: the latest {@code limit} fills of the day (by insertion), 0 for none
     * @return those fills in journal order (oldest of them first)
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws AuditUnavailableException if the database cannot answer
     */
    @Override
    public List<StoredFill> fills(LocalDate day, int limit) {
        Objects.requireNonNull(day, "fills: day is null");
        int most = limit("fills", limit);
        return query("fills", m -> m.fills(day, most));
    }

    /**
     * @param limit most rows, 0 for none
     * @return risk decisions of every outcome recorded (ALLOW too, if the desk journals it), newest event time first
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws AuditUnavailableException if the database cannot answer
     */
    @Override
    public List<StoredRiskEvent> riskEvents(int limit) {
        int most = limit("riskEvents", limit);
        return query("risk events", m -> m.riskEvents(most));
    }

    /**
     * @param ruleSet a rule set, or null (or blank) for all
     * @param limit most rows, 0 for none
     * @return deployment attempts, newest first
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws AuditUnavailableException if the database cannot answer
     */
    @Override
    public List<RuleDeploymentEntry> ruleDeployments(String ruleSet, int limit) {
        String set = ruleSet == null || ruleSet.isBlank() ? null : ruleSet.strip();
        int most = limit("ruleDeployments", limit);
        return query("rule deployments", m -> m.ruleDeployments(set, most));
    }

    /**
     * The life of an order. {@code id} is tried as a correlation id first (signal, orders, risk decisions, events,
     * fills and exit sharing it). If nothing has that correlation id, it is taken as a client order id: the
     * correlation id of that order's intent is looked up and its whole life returned; an order journaled without a
     * correlation id gives the steps of that client order id alone (its intent, risk decisions, events and fills).
     *
     * @param id a correlation id or a client order id
     * @return the steps in journal order; empty if the id is unknown (or null or blank)
     * @throws AuditUnavailableException if the database cannot answer
     */
    @Override
    public List<OrderLifeStep> orderLife(String id) {
        if (id == null || id.isBlank()) {
            return List.of();
        }
        String key = id.strip();
        return query("order life", m -> {
            List<OrderLifeStep> byCorrelation = m.orderLife(key, null);
            if (!byCorrelation.isEmpty()) {
                return byCorrelation;
            }
            String correlationId = m.correlationIdOfOrder(key);
            if (correlationId == null) {
                return m.orderLife(null, key); // no intent: its events and fills, if any were journaled
            }
            return correlationId.isEmpty() ? m.orderLife(null, key) : m.orderLife(correlationId, null);
        });
    }

    /**
     * @param from first instant, inclusive
     * @param to last instant, exclusive
     * @return the equity curve in time order
     * @throws AuditUnavailableException if the database cannot answer
     */
    @Override
    public List<EquityPoint> equityCurve(Instant from, Instant to) {
        Objects.requireNonNull(from, "equityCurve: from is null");
        Objects.requireNonNull(to, "equityCurve: to is null");
        return query("equity curve", m -> m.equityCurve(from, to));
    }

    /**
     * What a restart resumes from. Notes the sequence number of the last record appended so far, waits (at most
     * {@code wait}) until the writer has committed every record up to it, then reads in one REPEATABLE READ
     * transaction: the last trading-state change (not kill-switch events), the last equity point, per instrument
     * its last position snapshot unless its qty is zero, and every order intent without a REJECTED or CANCELLED
     * event or a FILL event with leaves 0 (each with {@code leavesQty} from its latest event that told one).
     * "Last" is by insertion (the tables' identity), not by event time or spool number. Every record comes back with
     * its fields exactly as appended.
     *
     * @param wait how long to wait for the database to take the records appended before the call (null or negative:
     *        not at all)
     * @return the restore point
     * @throws AuditUnavailableException if the database is unreachable, has not caught up within {@code wait}, or
     *         cannot answer; the message says why and how many records wait in the spool
     */
    @Override
    public RestorePoint restorePoint(Duration wait) {
        Duration atMost = wait == null || wait.isNegative() ? Duration.ZERO : wait;
        long nanos = saturatedNanos(atMost);
        long target = spool.lastAppendedSeq();
        writer.wakeUp(); // a writer waiting out a retry pause tries again now
        boolean caughtUp;
        try {
            caughtUp = spool.awaitCommitted(target, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("journal restore point: interrupted while waiting for the database to"
                    + " take the spool; " + backlogText(), e);
        }
        if (!caughtUp) {
            throw new AuditUnavailableException(notCaughtUp(atMost), null);
        }
        return query("restore point", m -> {
            Instant asOf = clock.instant();
            AuditRecord state = record(AuditRecord.Type.TRADING_STATE, m.lastStateChange(), null);
            AuditRecord account = record(AuditRecord.Type.EQUITY, m.lastEquity(), null);
            List<AuditRecord> positions = new ArrayList<>();
            for (JournalMapper.StoredRow r : m.openPositions()) {
                positions.add(record(AuditRecord.Type.POSITION, r, null));
            }
            List<AuditRecord> orders = new ArrayList<>();
            for (JournalMapper.OpenOrderRow r : m.openOrders()) {
                orders.add(record(AuditRecord.Type.ORDER,
                        new JournalMapper.StoredRow(r.at(), r.key(), r.correlationId(), r.fieldsJson()),
                        leavesQty(r)));
            }
            return new RestorePoint(state, account, positions, orders, m.storedRecords(), asOf);
        }, true);
    }

    private String notCaughtUp(Duration wait) {
        String why;
        if (!writer.databaseUp() && !writer.lastProblem().isEmpty()) {
            why = "the database is unreachable (" + writer.lastProblem() + ")";
        } else if (!writer.databaseUp()) {
            why = "the database has not answered yet";
        } else {
            why = "the database has not taken the records appended before the call within " + wait;
        }
        return "journal restore point unavailable: " + why + databaseText() + "; " + backlogText();
    }

    /** The {@code leavesQty} to add to an open order: its latest event's, exactly as that event gave it. */
    private static String leavesQty(JournalMapper.OpenOrderRow r) {
        if (r.leavesEventFieldsJson() == null) {
            return null;
        }
        String v = fields("the latest event with leavesQty of ORDER", r.key(), r.leavesEventFieldsJson()).get(LEAVES_QTY);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static AuditRecord record(AuditRecord.Type type, JournalMapper.StoredRow r, String leavesQty) {
        if (r == null) {
            return null;
        }
        Map<String, String> fields = fields(type.name(), r.key(), r.fieldsJson());
        if (leavesQty != null) {
            fields.put(LEAVES_QTY, leavesQty);
        }
        return new AuditRecord(type, r.at(), r.key(), r.correlationId(), fields);
    }

    /** @throws IllegalStateException naming the record if its stored fields are not a JSON object */
    private static Map<String, String> fields(String what, String key, String json) {
        try {
            return SpoolEntry.parseFields(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " record " + JournalWriter.printable(key) + ": " + e.getMessage());
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int limit(String query, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException(query + ": limit must be 0 or more, was " + limit);
        }
        return limit;
    }

    private <T> T query(String what, Function<JournalMapper, T> q) {
        return query(what, q, false);
    }

    private <T> T query(String what, Function<JournalMapper, T> q, boolean snapshot) {
        try {
            return snapshot ? store.snapshot(q) : store.query(q);
        } catch (RuntimeException | AssertionError e) { // pgjdbc 42.7.3 throws AssertionError on a dropped link
            throw new AuditUnavailableException("journal query '" + what + "' failed: " + JournalWriter.rootMessage(e)
                    + databaseText() + "; " + backlogText(), e);
        }
    }

    private String databaseText() {
        String at = store.location();
        return at.isEmpty() ? " (no database reached since the journal started)" : " (database at " + at + ")";
    }

    private String backlogText() {
        long n = spool.backlog();
        return n + (n == 1 ? " record waits" : " records wait") + " in the spool";
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
