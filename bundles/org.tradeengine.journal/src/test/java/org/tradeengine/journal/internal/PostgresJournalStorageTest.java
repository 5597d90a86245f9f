// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

/** {@link JournalStorageContract} against the real PostgreSQL 15 on 127.0.0.1:5432 (a fresh database for the class). */
class PostgresJournalStorageTest extends JournalStorageContract {

    @Override
    TestDatabase newDatabase() {
        return new PostgresDatabase();
    }
}
