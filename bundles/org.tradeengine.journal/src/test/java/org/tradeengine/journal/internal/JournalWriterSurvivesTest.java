// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.audit.AuditRecord;

/**
 * A driver that throws an Error (pgjdbc 42.7.3 throws AssertionError when the connection drops in the middle of a
 * batch) must not end the writer thread: it retries and everything is written.
 */
class JournalWriterSurvivesTest {

    @TempDir
    Path spoolDir;

    @Test
    void aDriverThrowingErrorsDoesNotStopTheWriter() throws Exception {
        try (H2Database db = new H2Database()) {
            DataSource real = db.dataSource();
            AtomicInteger failuresLeft = new AtomicInteger(5);
            DataSource flaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection") && failuresLeft.getAndDecrement() > 0) {
                            throw new AssertionError("driver bug");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            List<AuditRecord> session = Records.session("err", 20, Instant.parse("2024-08-08T10:00:00Z"));
            try (JournalService j = new JournalService(flaky, JournalTestBase.settings(spoolDir))) {
                j.start();
                session.forEach(j::append);
                JournalTestBase.awaitDrained(j);
                assertEquals(session.size(), j.status().stored());
            }
            assertTrue(failuresLeft.get() < 0, "the errors were thrown");
            try (Connection c = real.getConnection()) {
                assertEquals(session.size(), db.count("SELECT COUNT(*) FROM order_intent")
                        + db.count("SELECT COUNT(*) FROM order_event") + db.count("SELECT COUNT(*) FROM order_fill"));
            }
        }
    }
}
