// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.AuditUnavailableException;

/**
 * What the commands over the audit journal's store share: checking their arguments before any query, and turning a
 * missing journal or a store that cannot answer into one line on the console instead of an exception.
 */
final class AuditCalls {

    /** Printed when no {@link AuditQueries} service is registered. */
    static final String NOT_RUNNING = "the audit journal is not running: install feature trade-engine-journal";

    /** The most rows one command asks for. */
    static final int MAX_LIMIT = 10_000;

    private AuditCalls() {
    }

    /**
     * Runs a query, or says on stderr why it cannot: the journal is not running, or its store cannot answer now (the
     * exception's message, no stack trace).
     *
     * @param audit the journal's queries, or null if the journal is not running
     * @param query what to ask and print
     */
    static void run(AuditQueries audit, Consumer<AuditQueries> query) {
        if (audit == null) {
            System.err.println(NOT_RUNNING);
            return;
        }
        try {
            query.accept(audit);
        } catch (AuditUnavailableException e) {
            String why = e.getMessage();
            System.err.println(why == null || why.isBlank() ? "the audit journal's store cannot answer now" : why);
        }
    }

    /**
     * @param limit the {@code --limit} given
     * @return the limit
     * @throws IllegalArgumentException naming the option if it is not 1..{@value #MAX_LIMIT}
     */
    static int limit(int limit) {
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    /**
     * @param name the argument's name, for the message ({@code --from}, {@code day})
     * @param text the argument as typed, or null if not given
     * @param absent the day to use if it was not given
     * @return the day
     * @throws IllegalArgumentException naming the argument if it is not a date YYYY-MM-DD
     */
    static LocalDate day(String name, String text, LocalDate absent) {
        if (text == null) {
            return absent;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a date (YYYY-MM-DD, UTC)");
        }
    }

    /**
     * @param clock the clock
     * @return today's UTC date
     */
    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
