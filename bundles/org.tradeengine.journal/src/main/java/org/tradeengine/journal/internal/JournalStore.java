// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.flywaydb.core.Flyway;
import org.tradeengine.api.audit.DailyPnl;
import org.tradeengine.api.audit.EquityPoint;
import org.tradeengine.api.audit.OrderLifeStep;
import org.tradeengine.api.audit.RuleDeploymentEntry;
import org.tradeengine.api.audit.StoredFill;
import org.tradeengine.api.audit.StoredRiskEvent;

/**
 * The database side: Flyway migrations and the MyBatis session factory over the given {@link DataSource}.
 * Everything is resolved through this bundle's class loader (no class or resource lookup by name through the
 * thread context), so it works the same in a plain JVM and inside OSGi.
 */
final class JournalStore {

    /** Flyway's history table; its own name, so other schemas' migrations in the same database never mix with it. */
    static final String HISTORY_TABLE = "journal_schema_history";

    /** Seconds a statement may run before the driver cancels it (a stalled database is then an outage). */
    private static final int STATEMENT_TIMEOUT_SECONDS = 60;

    /**
     * What one transaction did.
     *
     * @param inserted rows inserted
     * @param duplicates rows skipped because their key was stored already
     */
    record Result(int inserted, int duplicates) {
    }

    private final DataSource dataSource;
    private final SqlSessionFactory sessions;
    private volatile String location = "";

    JournalStore(DataSource dataSource) {
        this.dataSource = dataSource;
        Configuration c = new Configuration(new Environment("journal", new QuietJdbcTransaction.Factory(), dataSource));
        c.setCacheEnabled(false);
        c.setLazyLoadingEnabled(false);
        c.setLocalCacheScope(LocalCacheScope.STATEMENT);
        c.setDefaultStatementTimeout(STATEMENT_TIMEOUT_SECONDS);
        c.getTypeHandlerRegistry().register(Instant.class, new UtcInstantTypeHandler());
        c.getTypeAliasRegistry().registerAlias("DailyPnl", DailyPnl.class);
        c.getTypeAliasRegistry().registerAlias("StoredFill", StoredFill.class);
        c.getTypeAliasRegistry().registerAlias("StoredRiskEvent", StoredRiskEvent.class);
        c.getTypeAliasRegistry().registerAlias("RuleDeploymentEntry", RuleDeploymentEntry.class);
        c.getTypeAliasRegistry().registerAlias("OrderLifeStep", OrderLifeStep.class);
        c.getTypeAliasRegistry().registerAlias("EquityPoint", EquityPoint.class);
        c.getTypeAliasRegistry().registerAlias("StoredRow", JournalMapper.StoredRow.class);
        c.getTypeAliasRegistry().registerAlias("OpenOrderRow", JournalMapper.OpenOrderRow.class);
        // MyBatis reads JournalMapper.xml beside the interface through the interface's own class loader
        c.addMapper(JournalMapper.class);
        this.sessions = new SqlSessionFactoryBuilder().build(c);
    }

    /** Applies the migrations in {@code db/migration} of this bundle. */
    void migrate() {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .loggers("slf4j")
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                // a database that already holds other tables gets the journal's tables next to them
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * Inserts rows in one transaction: one JDBC batch per table, each table's rows in their order (so every table's
     * ids follow journal order; the order between tables does not matter inside one atomic transaction).
     *
     * @param rows the rows
     * @return what was inserted and what was there already
     * @throws RuntimeException (MyBatis {@code PersistenceException}) if the transaction failed: nothing is committed
     */
    Result store(List<RecordRows.Row> rows) {
        try (SqlSession s = sessions.openSession(ExecutorType.BATCH, false)) {
            remember(s);
            Map<String, List<RecordRows.Row>> byStatement = new LinkedHashMap<>();
            for (RecordRows.Row r : rows) {
                byStatement.computeIfAbsent(r.statement(), k -> new ArrayList<>()).add(r);
            }
            for (List<RecordRows.Row> group : byStatement.values()) {
                for (RecordRows.Row r : group) {
                    s.insert(r.statement(), r.params());
                }
            }
            List<BatchResult> results = s.flushStatements();
            s.commit();
            int inserted = 0;
            int duplicates = 0;
            for (BatchResult b : results) {
                for (int n : b.getUpdateCounts()) {
                    if (n == 0) {
                        duplicates++;
                    } else {
                        inserted++; // 1, or SUCCESS_NO_INFO from a driver that rewrites batches
                    }
                }
            }
            return new Result(inserted, duplicates);
        }
    }

    /**
     * Runs a query.
     *
     * @param query what to ask the mapper
     * @param <T> result type
     * @return the result
     */
    <T> T query(Function<JournalMapper, T> query) {
        try (SqlSession s = sessions.openSession(true)) {
            remember(s);
            return query.apply(s.getMapper(JournalMapper.class));
        }
    }

    /**
     * Runs several queries in one read transaction at REPEATABLE READ, so they all see the same committed state
     * (PostgreSQL and H2 both give such a transaction one snapshot).
     *
     * @param reads what to ask the mapper
     * @param <T> result type
     * @return the result
     */
    <T> T snapshot(Function<JournalMapper, T> reads) {
        try (SqlSession s = sessions.openSession(false)) {
            remember(s);
            Connection c = s.getConnection();
            int before = isolation(c);
            try {
                setIsolation(c, Connection.TRANSACTION_REPEATABLE_READ); // before the first statement
                T result = reads.apply(s.getMapper(JournalMapper.class));
                s.commit(true); // ends the read transaction
                return result;
            } finally {
                restoreIsolation(c, before); // a pool that does not reset it hands the connection to the writer next
            }
        }
    }

    private static int isolation(Connection c) {
        try {
            return c.getTransactionIsolation();
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the transaction isolation: " + e.getMessage(), e);
        }
    }

    private static void setIsolation(Connection c, int level) {
        try {
            c.setTransactionIsolation(level);
        } catch (SQLException e) {
            throw new PersistenceException("cannot set the transaction isolation: " + e.getMessage(), e);
        }
    }

    private static void restoreIsolation(Connection c, int level) {
        try {
            if (!c.isClosed()) {
                c.rollback(); // nothing to undo after the commit; after a failure it ends the transaction first
                c.setTransactionIsolation(level);
            }
        } catch (SQLException e) {
            // the connection broke: it is closed next and never reused
        }
    }

    /**
     * @return the JDBC URL of the database last reached, without user, password or options (nothing after '?' or
     *         ';'), or empty if none was reached yet
     */
    String location() {
        return location;
    }

    /** Notes where the session's connection goes; a failure to connect propagates (it is the query's failure). */
    private void remember(SqlSession s) {
        Connection c = s.getConnection();
        try {
            location = withoutSecrets(c.getMetaData().getURL());
        } catch (SQLException | RuntimeException e) {
            // a driver that cannot tell its URL: the location stays as it was
        }
    }

    /**
     * @param url a JDBC URL, may be null
     * @return the URL without user info ({@code //user:password@}) and without options, which may carry a password
     */
    static String withoutSecrets(String url) {
        if (url == null) {
            return "";
        }
        String u = url;
        int cut = u.length();
        for (char c : new char[] {'?', ';'}) {
            int i = u.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return u.substring(0, cut).replaceAll("//[^/@]*@", "//");
    }

    /** @return true if the database answers and has the journal's tables */
    boolean healthy() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(10);
            st.executeQuery("SELECT COUNT(*) FROM unclassified_record WHERE 1 = 0").close();
            return true;
        } catch (SQLException | RuntimeException | AssertionError e) {
            return false;
        }
    }
}
