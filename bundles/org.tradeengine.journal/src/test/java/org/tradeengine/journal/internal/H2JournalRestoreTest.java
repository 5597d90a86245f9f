// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

/** {@link JournalRestoreContract} against embedded H2 2.2 in PostgreSQL mode (in memory). */
class H2JournalRestoreTest extends JournalRestoreContract {

    @Override
    TestDatabase newDatabase() {
        return new H2Database();
    }
}
