// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

/** A journal query the database could not answer (it is down, or refused the query); the message says which. */
public final class JournalQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and why
     * @param cause the database error
     */
    public JournalQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
