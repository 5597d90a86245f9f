// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

/** Whether an instrument's book may be used for signals. Only {@link #LIVE} books may. */
public enum BookState {
    /** Waiting for a snapshot (first start, or after a reset). */
    SYNCING,
    /** Synchronised and consistent. */
    LIVE,
    /** A sequence gap or a crossed book was seen; waits for a new snapshot. */
    INVALID
}
