// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

/** Why a recorded line was rejected; the line is never applied. */
public enum ScanProblem {
    /** The line is not {@code <local timestamp> <JSON>}. */
    BAD_LINE,
    /** The JSON text is not well formed (or uses escapes where the venue never does). */
    MALFORMED_JSON,
    /** A field the message type requires is missing, or appears twice. */
    MISSING_FIELD,
    /** A stream or event type that is neither a depth stream nor one of the known skipped streams. */
    UNKNOWN_EVENT,
    /** The symbol is malformed or does not match the stream name. */
    WRONG_SYMBOL,
    /** An id, time, price or quantity is not an exact number at the instrument's scale. */
    BAD_NUMBER,
    /** A negative quantity, a non-positive price or U greater than u. */
    BAD_VALUE,
    /** A snapshot before any depth event: nothing tells which instrument (and so which scales) it belongs to yet. */
    NO_INSTRUMENT
}
