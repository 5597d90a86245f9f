// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** A fresh database for one test class: PostgreSQL or H2 in PostgreSQL mode. */
interface TestDatabase extends AutoCloseable {

    /** @return the port of the real server, for a {@link TcpProxy} in front of it */
    int serverPort();

    /** @return a data source straight to the database */
    DataSource dataSource();

    /**
     * @param port a proxy's port
     * @return a data source to the database through that port
     */
    DataSource dataSourceVia(int port);

    /** @return true if the database refuses NUL characters in text (PostgreSQL does, H2 does not) */
    boolean refusesNulInText();

    @Override
    void close();

    default Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Empties every journal table (keeps the schema). */
    default void clear() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (RecordConventions.Table t : RecordConventions.tables()) {
                s.executeUpdate("DELETE FROM " + t.name());
            }
        }
    }

    default long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    default List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** @return true if the journal's migration is recorded */
    default boolean migrated() {
        try {
            return count("SELECT COUNT(*) FROM " + JournalStore.HISTORY_TABLE + " WHERE version = '1' AND success") == 1;
        } catch (SQLException e) {
            return false;
        }
    }
}
