// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database on the real PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres), created through the
 * {@code postgres} database and dropped on close. Fails with how to start PostgreSQL if it is not reachable.
 */
final class PostgresDatabase implements TestDatabase {

    static final int PORT = 5432;
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres";

    private final String name = "journal_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

    PostgresDatabase() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable on 127.0.0.1:" + PORT + " as user postgres ("
                    + e.getMessage() + "). The journal's tests need it: start it with "
                    + "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (.ci/run does)", e);
        }
    }

    private static Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(ADMIN_URL, p);
    }

    @Override
    public int serverPort() {
        return PORT;
    }

    @Override
    public DataSource dataSource() {
        return dataSourceVia(PORT);
    }

    @Override
    public DataSource dataSourceVia(int port) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(name);
        ds.setUser("postgres");
        ds.setConnectTimeout(5);
        ds.setSocketTimeout(30);
        return ds;
    }

    @Override
    public boolean refusesNulInText() {
        return true;
    }

    @Override
    public void close() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }
}
