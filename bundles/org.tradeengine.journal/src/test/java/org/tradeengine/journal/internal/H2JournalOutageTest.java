// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

/** {@link JournalOutageContract} against embedded H2 2.2 in PostgreSQL mode (in memory). */
class H2JournalOutageTest extends JournalOutageContract {

    @Override
    TestDatabase newDatabase() {
        return new H2Database();
    }
}
