// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * MyBatis' JDBC transaction, except that rolling back or closing a connection the database already dropped is not
 * an error: the outage was reported once by the journal, MyBatis would warn again at every retry.
 */
final class QuietJdbcTransaction extends JdbcTransaction {

    /** Makes these transactions. */
    static final class Factory extends JdbcTransactionFactory {
        @Override
        public Transaction newTransaction(DataSource ds, TransactionIsolationLevel level, boolean autoCommit) {
            return new QuietJdbcTransaction(ds, level, autoCommit);
        }
    }

    QuietJdbcTransaction(DataSource ds, TransactionIsolationLevel level, boolean autoCommit) {
        super(ds, level, autoCommit);
    }

    @Override
    public void rollback() throws SQLException {
        if (!dropped()) {
            super.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        if (!dropped()) {
            super.close();
        } else if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already gone
            }
        }
    }

    private boolean dropped() {
        Connection c = connection;
        try {
            return c != null && c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
