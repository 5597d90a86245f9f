// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

/** {@link JournalRestoreContract} against the real PostgreSQL 15 on 127.0.0.1:5432 (a fresh database for the class). */
class PostgresJournalRestoreTest extends JournalRestoreContract {

    @Override
    TestDatabase newDatabase() {
        return new PostgresDatabase();
    }
}
