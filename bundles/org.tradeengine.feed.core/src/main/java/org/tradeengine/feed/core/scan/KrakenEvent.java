// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

/**
 * The session event of a Kraken Futures v1 frame ({@code "event"} field) that {@link KrakenScanner} read as
 * {@link ScannedMessage.Kind#CONTROL}; {@link #NONE} for market data and everything else.
 */
public enum KrakenEvent {
    /** Not a session event (a feed message, or a rejected frame). */
    NONE,
    /** {@code info}: the first frame of a connection ({@code "version":1}). */
    INFO,
    /** {@code subscribed}: a subscription was accepted (one ack per product). */
    SUBSCRIBED,
    /** {@code unsubscribed}: a subscription was dropped. */
    UNSUBSCRIBED,
    /** {@code subscribed_failed}: a subscription was refused. */
    SUBSCRIBED_FAILED,
    /** {@code error}: a request was refused ({@code Invalid product id}, {@code Invalid feed}, {@code Json Error}). */
    ERROR,
    /** {@code alert}: the venue warns about a request (for example an invalid product). */
    ALERT;

    /** @return true for the events that say a request failed: error, alert, subscribed_failed */
    public boolean isFailure() {
        return this == ERROR || this == ALERT || this == SUBSCRIBED_FAILED;
    }
}
