// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.feed;

/** Connection state of a feed as a whole; each instrument also has its own book state. */
public enum FeedState {
    /** Starting or (re)connecting. */
    CONNECTING,
    /** Connected and delivering data. */
    LIVE,
    /** Connected, but some instruments are not LIVE or data is late. */
    DEGRADED,
    /** Not connected; will retry with backoff. */
    DISCONNECTED,
    /** A finite source (a recording) has been fully delivered. */
    FINISHED,
    /** Stopped on purpose. */
    STOPPED
}
