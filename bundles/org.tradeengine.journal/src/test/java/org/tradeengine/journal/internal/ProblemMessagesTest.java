// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * What the journal says about the database (status, logs, query errors): the cause that tells something, and never
 * a password.
 */
class ProblemMessagesTest {

    @Test
    void theRootCauseIsNamedWithTheDeepestMessage() {
        assertEquals("SQLException: The connection attempt failed. (EOFException)", JournalWriter.rootMessage(
                new RuntimeException("### Error querying database", new SQLException("The connection attempt failed.",
                        new EOFException()))));
        assertEquals("ConnectException: Connection refused", JournalWriter.rootMessage(
                new RuntimeException("outer", new SQLException("middle", new ConnectException("Connection refused")))));
        assertEquals("EOFException: null", JournalWriter.rootMessage(new EOFException()));
        assertEquals("SQLException: batch failed / duplicate key?value", JournalWriter.rootMessage(batch()));
    }

    private static SQLException batch() {
        SQLException e = new SQLException("batch failed");
        e.setNextException(new SQLException("duplicate key\nvalue"));
        return e;
    }

    @Test
    void databaseLocationsLoseUserInfoAndOptions() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/tradeengine",
                JournalStore.withoutSecrets("jdbc:postgresql://127.0.0.1:5432/tradeengine?user=te&password=hunter2"));
        assertEquals("jdbc:postgresql://db.example:5432/te",
                JournalStore.withoutSecrets("jdbc:postgresql://te:hunter2@db.example:5432/te"));
        assertEquals("jdbc:h2:file:/opt/te/data/journal-db",
                JournalStore.withoutSecrets("jdbc:h2:file:/opt/te/data/journal-db;MODE=PostgreSQL;PASSWORD=hunter2"));
        assertEquals("", JournalStore.withoutSecrets(null));
    }

    @Test
    void driverMessagesLosePasswordSettingsAndUrlUserInfo() {
        assertEquals("connect to jdbc:h2:tcp://h/db;USER=sa;PASSWORD=*** failed",
                JournalWriter.withoutSecrets("connect to jdbc:h2:tcp://h/db;USER=sa;PASSWORD=hunter2 failed"));
        assertEquals("url jdbc:postgresql://***@db:5432/te?password=*** refused",
                JournalWriter.withoutSecrets("url jdbc:postgresql://te:hunter2@db:5432/te?password=hunter2 refused"));
        assertEquals("pwd=*** passwd=***", JournalWriter.withoutSecrets("pwd: a passwd = b"));
        assertEquals("FATAL: password authentication failed for user \"te\"",
                JournalWriter.withoutSecrets("FATAL: password authentication failed for user \"te\""));
        assertEquals("SQLException: bad login password=***",
                JournalWriter.rootMessage(new RuntimeException("wrapped", new SQLException("bad login password=x1"))));
    }
}
