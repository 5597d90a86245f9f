// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

/** The journal's store cannot answer now (unreachable, or not caught up); the message says why. */
public class AuditUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     * @param cause the underlying error, or null
     */
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
