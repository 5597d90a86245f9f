// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer loop (one thread, {@code journal-writer}): migrates the schema, then drains the spool to the database in
 * order, one batch per transaction, and commits the spool offset only after the database committed. While the
 * database is down it retries with doubling waits; records stay in the spool and {@code backlog()} grows.
 */
final class JournalWriter implements Runnable {

    private static final Logger logger = LoggerFactory.getLogger(JournalWriter.class);
    private static final int LOUD_PROBLEMS = 20;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Pattern SECRET_SETTING =
            Pattern.compile("(?i)\\b(password|passwd|pwd)\\s*[=:]\\s*[^\\s;&,)'\"]*");
    private static final Pattern SECRET_URL_USER_INFO = Pattern.compile("//[^/@\\s]*:[^/@\\s]*@");

    private final Spool spool;
    private final JournalStore store;
    private final JournalSettings settings;

    private volatile Thread thread;
    private volatile boolean running = true;
    private volatile long closeDeadline = Long.MAX_VALUE;
    private volatile boolean databaseUp;
    private volatile String lastProblem = "";
    private boolean migrated;
    private boolean outageReported;
    private long backoffMillis;

    final AtomicLong stored = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong withProblems = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    /** The database failed in a way that says nothing about the records: retry the same batch later. */
    private static final class Outage extends Exception {
        private static final long serialVersionUID = 1L;

        Outage(String message) {
            super(message, null, false, false);
        }
    }

    JournalWriter(Spool spool, JournalStore store, JournalSettings settings) {
        this.spool = spool;
        this.store = store;
        this.settings = settings;
        this.backoffMillis = settings.retryInitial().toMillis();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running || (System.nanoTime() < closeDeadline && spool.backlog() > 0 && databaseUp)) {
            try {
                if (!step()) {
                    LockSupport.parkNanos(this, IDLE_NANOS);
                }
            } catch (Outage e) {
                down(e.getMessage());
                if (!running) {
                    break; // closing: what is left stays in the spool for the next run
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(backoffMillis));
                backoffMillis = Math.min(backoffMillis * 2, settings.retryMax().toMillis());
            } catch (IOException e) {
                logger.error("Journal: spool {} cannot be read or its offset written: {}; retrying in {} ms",
                        spool.files().dir(), e, settings.retryMax().toMillis());
                lastProblem = "spool: " + e;
                LockSupport.parkNanos(this, settings.retryMax().toNanos());
            } catch (Throwable e) { // a bug here or in a driver must not end the thread: the backlog would only grow
                logger.error("Journal: writer failed unexpectedly; retrying in {} ms", settings.retryMax().toMillis(), e);
                lastProblem = "writer: " + e;
                LockSupport.parkNanos(this, settings.retryMax().toNanos());
            }
        }
    }

    /** @return true if it did something (so the loop goes on at once) */
    private boolean step() throws Outage, IOException {
        spool.retryUnwritten();
        if (!migrated) {
            migrate();
        }
        Spool.Batch batch = spool.read(settings.batchSize());
        if (batch.lines() == 0) {
            if (batch.end().equals(spool.committed())) {
                return false;
            }
            spool.commit(batch); // moved past a finished segment: delete it
            return true;
        }
        write(batch);
        spool.commit(batch);
        for (Spool.Rejected r : batch.rejected()) {
            rejected.incrementAndGet();
            logger.error("Journal: spool line at {}:{} unreadable ({}); moved to {}",
                    spool.files().segment(r.segment()), r.position(), r.problem(),
                    spool.files().dir().resolve(SpoolDirectory.REJECTED_FILE));
        }
        up();
        return true;
    }

    private void migrate() throws Outage {
        try {
            store.migrate();
        } catch (RuntimeException | AssertionError e) {
            throw new Outage("migrations failed: " + rootMessage(e));
        }
        migrated = true;
        logger.debug("Journal: schema migrated");
    }

    private void write(Spool.Batch batch) throws Outage, IOException {
        List<RecordRows.Row> rows = new ArrayList<>(batch.entries().size());
        for (SpoolEntry e : batch.entries()) {
            RecordRows.Row row = RecordRows.toRow(e);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return; // only unreadable lines
        }
        try {
            count(store.store(rows));
        } catch (RuntimeException | AssertionError e) { // pgjdbc 42.7.3 throws AssertionError if the link drops mid-batch
            if (!store.healthy()) {
                throw new Outage(rootMessage(e));
            }
            writeOneByOne(batch.entries(), rows, rootMessage(e));
        }
        for (RecordRows.Row row : rows) {
            if (!row.problems().isEmpty() && withProblems.incrementAndGet() <= LOUD_PROBLEMS) {
                logger.warn("Journal: {} {} stored with problems: {}", row.table(),
                        printable(row.params().get("record_key")), String.join("; ", row.problems()));
            }
        }
    }

    /** The database is up but refused the batch: find the record(s) it refuses, keep every one somewhere. */
    private void writeOneByOne(List<SpoolEntry> entries, List<RecordRows.Row> rows, String batchProblem)
            throws Outage, IOException {
        logger.debug("Journal: a batch of {} was refused ({}); writing it record by record", rows.size(), batchProblem);
        for (int i = 0; i < rows.size(); i++) {
            RecordRows.Row row = rows.get(i);
            try {
                count(store.store(List.of(row)));
            } catch (RuntimeException | AssertionError e) {
                keepRefused(entries.get(i), row, rootMessage(e));
            }
        }
    }

    private void keepRefused(SpoolEntry entry, RecordRows.Row row, String problem) throws Outage, IOException {
        if (!store.healthy()) {
            throw new Outage(problem);
        }
        if (refused.incrementAndGet() <= LOUD_PROBLEMS) {
            logger.warn("Journal: {} refused record {} ({}); storing it in unclassified_record", row.table(),
                    printable(row.params().get("record_key")), problem);
        }
        try {
            count(store.store(List.of(RecordRows.unclassified(entry, row.table(), problem))));
        } catch (RuntimeException | AssertionError e) {
            if (!store.healthy()) {
                throw new Outage(rootMessage(e));
            }
            rejected.incrementAndGet();
            logger.error("Journal: record {} cannot be stored at all ({}); kept in {}",
                    printable(row.params().get("record_key")), rootMessage(e),
                    spool.files().dir().resolve(SpoolDirectory.REJECTED_FILE));
            spool.files().reject(-1, entry.seq(), "database refused it: " + rootMessage(e), entry.toJson());
        }
    }

    private void count(JournalStore.Result r) {
        stored.addAndGet(r.inserted());
        duplicates.addAndGet(r.duplicates());
    }

    private void up() {
        backoffMillis = settings.retryInitial().toMillis();
        databaseUp = true;
        if (outageReported) {
            outageReported = false;
            logger.info("Journal: database reachable again; writing the {} spooled records", spool.backlog());
        }
    }

    private void down(String problem) {
        databaseUp = false;
        lastProblem = problem;
        if (!outageReported) {
            outageReported = true;
            logger.warn("Journal: database unavailable ({}); records stay in the spool {} and are written when it is"
                    + " back (backlog {})", problem, spool.files().dir(), spool.backlog());
        } else {
            logger.debug("Journal: database still unavailable ({}), backlog {}", problem, spool.backlog());
        }
    }

    /** Tells the loop there is something new. */
    void wakeUp() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Stops the loop; it goes on writing the backlog until {@code timeoutNanos} pass or the database fails. */
    void stop(long timeoutNanos) {
        closeDeadline = System.nanoTime() + timeoutNanos;
        running = false;
        wakeUp();
    }

    boolean databaseUp() {
        return databaseUp;
    }

    String lastProblem() {
        return lastProblem;
    }

    /** @return the text with control characters shown as '?', so a key cannot forge log lines */
    static String printable(Object text) {
        return String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * @param e an error
     * @return the root cause's type and message (and a SQL exception's next one); if the root has no message
     *         ({@code EOFException}), the deepest cause that has one, naming the root's type. Printable and without
     *         secrets.
     */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        Throwable told = hasMessage(e) ? e : null;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (hasMessage(t)) {
                told = t;
            }
        }
        String m = told == null || told == t ? t.getClass().getSimpleName() + ": " + t.getMessage()
                : told.getClass().getSimpleName() + ": " + told.getMessage() + " (" + t.getClass().getSimpleName() + ")";
        java.sql.SQLException next = told instanceof java.sql.SQLException s ? s.getNextException() : null;
        return withoutSecrets(printable(next != null ? m + " / " + next.getMessage() : m));
    }

    private static boolean hasMessage(Throwable t) {
        return t.getMessage() != null && !t.getMessage().isBlank();
    }

    /**
     * Masks what may be a credential in a driver's message: {@code password=...} (also {@code pwd}, {@code passwd},
     * any case, {@code =} or {@code :}) and the user info of a URL ({@code //user:secret@host}).
     *
     * @param message a message
     * @return the message with those values replaced by {@code ***}
     */
    static String withoutSecrets(String message) {
        return SECRET_URL_USER_INFO.matcher(SECRET_SETTING.matcher(message).replaceAll("$1=***")).replaceAll("//***@");
    }
}
