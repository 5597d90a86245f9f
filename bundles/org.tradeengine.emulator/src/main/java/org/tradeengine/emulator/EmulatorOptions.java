// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable emulator settings; every {@code withX} returns a changed copy.
 *
 * <pre>{@code EmulatorOptions.defaults().withSpeed(200).withLoop(false).withStartPaused(true)}</pre>
 *
 * Defaults follow the venues' documentation where it gives numbers: Binance USD-M and Binance.US ping every 3 minutes
 * and drop a connection without pong within 10 minutes; connections live at most 24 h.
 */
public final class EmulatorOptions {

    private static final EmulatorOptions DEFAULTS = new EmulatorOptions(1, true, false, Duration.ofHours(24),
            Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofSeconds(2),
            Duration.ofSeconds(1), 0, 200_000);

    private final int speed;
    private final boolean loop;
    private final boolean startPaused;
    private final Duration maxConnectionAge;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration heartbeatInterval;
    private final Duration slowSnapshotDelay;
    private final Duration retryAfter;
    private final int port;
    private final int digestHistory;

    private EmulatorOptions(int speed, boolean loop, boolean startPaused, Duration maxConnectionAge,
            Duration pingInterval, Duration pongTimeout, Duration heartbeatInterval, Duration slowSnapshotDelay,
            Duration retryAfter, int port, int digestHistory) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be >= 1, was " + speed);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (digestHistory < 1) {
            throw new IllegalArgumentException("digestHistory must be >= 1, was " + digestHistory);
        }
        this.speed = speed;
        this.loop = loop;
        this.startPaused = startPaused;
        this.maxConnectionAge = positive(maxConnectionAge, "maxConnectionAge");
        this.pingInterval = positive(pingInterval, "pingInterval");
        this.pongTimeout = positive(pongTimeout, "pongTimeout");
        this.heartbeatInterval = positive(heartbeatInterval, "heartbeatInterval");
        this.slowSnapshotDelay = nonNegative(slowSnapshotDelay, "slowSnapshotDelay");
        this.retryAfter = nonNegative(retryAfter, "retryAfter");
        this.port = port;
        this.digestHistory = digestHistory;
    }

    /** @return speed 1, loop, not paused, 24 h age, ping 3 min, pong timeout 10 min, heartbeat 60 s, port 0 */
    public static EmulatorOptions defaults() {
        return DEFAULTS;
    }

    /** @return recorded pace divided by this factor (≥ 1) */
    public int speed() {
        return speed;
    }

    /** @return whether the timeline starts again at the end (sessions are closed first); else it stops */
    public boolean loop() {
        return loop;
    }

    /** @return whether the timeline waits for {@link VenueEmulator#resume()} after start */
    public boolean startPaused() {
        return startPaused;
    }

    /** @return sessions are closed (1000) after being open this long (the venue's 24 h rotation) */
    public Duration maxConnectionAge() {
        return maxConnectionAge;
    }

    /** @return Binance: the server pings every session this often */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** @return Binance: a session that has not answered a ping within this time is dropped */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /** @return Kraken: interval of the {@code heartbeat} feed */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** @return delay of snapshots hit by {@link Fault#SLOW_SNAPSHOT} */
    public Duration slowSnapshotDelay() {
        return slowSnapshotDelay;
    }

    /** @return value of the {@code Retry-After} header of {@link Fault#HTTP_429} and {@link Fault#HTTP_418} */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return TCP port on 127.0.0.1, 0 = ephemeral */
    public int port() {
        return port;
    }

    /** @return per symbol, how many update ids keep a truth digest */
    public int digestHistory() {
        return digestHistory;
    }

    /** @param v recorded pace divided by v (≥ 1) @return a changed copy */
    public EmulatorOptions withSpeed(int v) {
        return new EmulatorOptions(v, loop, startPaused, maxConnectionAge, pingInterval, pongTimeout,
                heartbeatInterval, slowSnapshotDelay, retryAfter, port, digestHistory);
    }

    /** @param v loop at the end of the recording @return a changed copy */
    public EmulatorOptions withLoop(boolean v) {
        return new EmulatorOptions(speed, v, startPaused, maxConnectionAge, pingInterval, pongTimeout,
                heartbeatInterval, slowSnapshotDelay, retryAfter, port, digestHistory);
    }

    /** @param v start with the timeline paused @return a changed copy */
    public EmulatorOptions withStartPaused(boolean v) {
        return new EmulatorOptions(speed, loop, v, maxConnectionAge, pingInterval, pongTimeout, heartbeatInterval,
                slowSnapshotDelay, retryAfter, port, digestHistory);
    }

    /** @param v maximum session age @return a changed copy */
    public EmulatorOptions withMaxConnectionAge(Duration v) {
        return new EmulatorOptions(speed, loop, startPaused, v, pingInterval, pongTimeout, heartbeatInterval,
                slowSnapshotDelay, retryAfter, port, digestHistory);
    }

    /** @param v server ping interval @return a changed copy */
    public EmulatorOptions withPingInterval(Duration v) {
        return new EmulatorOptions(speed, loop, startPaused, maxConnectionAge, v, pongTimeout, heartbeatInterval,
                slowSnapshotDelay, retryAfter, port, digestHistory);
    }

    /** @param v pong timeout @return a changed copy */
    public EmulatorOptions withPongTimeout(Duration v) {
        return new EmulatorOptions(speed, loop, startPaused, maxConnectionAge, pingInterval, v, heartbeatInterval,
                slowSnapshotDelay, retryAfter, port, digestHistory);
    }

    /** @param v Kraken heartbeat interval @return a changed copy */
    public EmulatorOptions withHeartbeatInterval(Duration v) {
        return new EmulatorOptions(speed, loop, startPaused, maxConnectionAge, pingInterval, pongTimeout, v,
                slowSnapshotDelay, retryAfter, port, digestHistory);
    }

    /** @param v delay of slow snapshots @return a changed copy */
    public EmulatorOptions withSlowSnapshotDelay(Duration v) {
        return new EmulatorOptions(speed, loop, startPaused, maxConnectionAge, pingInterval, pongTimeout,
                heartbeatInterval, v, retryAfter, port, digestHistory);
    }

    /** @param v Retry-After of HTTP 429/418 @return a changed copy */
    public EmulatorOptions withRetryAfter(Duration v) {
        return new EmulatorOptions(speed, loop, startPaused, maxConnectionAge, pingInterval, pongTimeout,
                heartbeatInterval, slowSnapshotDelay, v, port, digestHistory);
    }

    /** @param v TCP port, 0 = ephemeral @return a changed copy */
    public EmulatorOptions withPort(int v) {
        return new EmulatorOptions(speed, loop, startPaused, maxConnectionAge, pingInterval, pongTimeout,
                heartbeatInterval, slowSnapshotDelay, retryAfter, v, digestHistory);
    }

    /** @param v digests kept per symbol @return a changed copy */
    public EmulatorOptions withDigestHistory(int v) {
        return new EmulatorOptions(speed, loop, startPaused, maxConnectionAge, pingInterval, pongTimeout,
                heartbeatInterval, slowSnapshotDelay, retryAfter, port, v);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + d);
        }
        return d;
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "EmulatorOptions[speed=" + speed + ", loop=" + loop + ", startPaused=" + startPaused
                + ", maxConnectionAge=" + maxConnectionAge + ", pingInterval=" + pingInterval + ", pongTimeout="
                + pongTimeout + ", heartbeatInterval=" + heartbeatInterval + ", slowSnapshotDelay="
                + slowSnapshotDelay + ", retryAfter=" + retryAfter + ", port=" + port + ", digestHistory="
                + digestHistory + "]";
    }
}
