// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.flywaydb.core.Flyway;

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

    JournalStore(DataSource dataSource) {
        this.dataSource = dataSource;
        Configuration c = new Configuration(new Environment("journal", new QuietJdbcTransaction.Factory(), dataSource));
        c.setCacheEnabled(false);
        c.setLazyLoadingEnabled(false);
        c.setLocalCacheScope(LocalCacheScope.STATEMENT);
        c.setDefaultStatementTimeout(STATEMENT_TIMEOUT_SECONDS);
        c.getTypeAliasRegistry().registerAlias("DailyPnl", JournalViews.DailyPnl.class);
        c.getTypeAliasRegistry().registerAlias("Fill", JournalViews.Fill.class);
        c.getTypeAliasRegistry().registerAlias("RiskEvent", JournalViews.RiskEvent.class);
        c.getTypeAliasRegistry().registerAlias("RuleDeployment", JournalViews.RuleDeployment.class);
        c.getTypeAliasRegistry().registerAlias("OrderLifeEvent", JournalViews.OrderLifeEvent.class);
        c.getTypeAliasRegistry().registerAlias("EquityPoint", JournalViews.EquityPoint.class);
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
            return query.apply(s.getMapper(JournalMapper.class));
        }
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
