// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that forwards to whichever data source is plugged in, and answers "no database" while none
 * is. It lets the journal run (and accept appends into its spool) before the database service is there and while it
 * is replaced: give the slot to {@link JournalService} and plug data sources in and out as they come and go (an
 * OSGi DYNAMIC reference); the journal treats an empty slot as an outage.
 */
public final class DataSourceSlot implements DataSource {

    private final AtomicReference<DataSource> current = new AtomicReference<>();
    private final String emptyMessage;

    /** @param emptyMessage what {@link #getConnection()} says while the slot is empty (how to configure one) */
    public DataSourceSlot(String emptyMessage) {
        this.emptyMessage = emptyMessage;
    }

    /** @param ds the data source to use from now on, or null for none */
    public void plug(DataSource ds) {
        current.set(ds);
    }

    /**
     * Empties the slot if it still holds {@code ds} (a late unbind of an old service does not remove its successor).
     *
     * @param ds the data source going away
     */
    public void unplug(DataSource ds) {
        current.compareAndSet(ds, null);
    }

    private DataSource target() throws SQLException {
        DataSource ds = current.get();
        if (ds == null) {
            throw new SQLTransientConnectionException(emptyMessage, "08001");
        }
        return ds;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        DataSource ds = current.get();
        if (ds == null) {
            throw new SQLFeatureNotSupportedException(emptyMessage);
        }
        return ds.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }
}
