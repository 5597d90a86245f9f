// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

/**
 * A fresh in-memory H2 database in PostgreSQL mode, embedded in the test JVM; an H2 TCP server on loopback serves
 * the same database, so a {@link TcpProxy} can stand between the journal and it.
 */
final class H2Database implements TestDatabase {

    /** The settings the journal needs from H2: PostgreSQL mode (ON CONFLICT DO NOTHING, types). */
    static final String MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final String name = "journal_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final Server server;
    private final Connection keepAlive;

    H2Database() {
        try {
            keepAlive = dataSource().getConnection(); // the in-memory database lives while this is open
            server = Server.createTcpServer("-tcpPort", "0").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start H2: " + e.getMessage(), e);
        }
    }

    @Override
    public int serverPort() {
        return server.getPort();
    }

    @Override
    public DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + MODE);
        ds.setUser("sa");
        return ds;
    }

    @Override
    public DataSource dataSourceVia(int port) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name + MODE);
        ds.setUser("sa");
        return ds;
    }

    @Override
    public boolean refusesNulInText() {
        return false;
    }

    @Override
    public void close() {
        server.stop();
        try {
            keepAlive.close();
        } catch (SQLException e) {
            // the database goes with it
        }
    }
}
