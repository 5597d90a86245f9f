// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.emulator.internal.recording.Frame;

/**
 * One client WebSocket connection. Jetty calls the listener methods; everything that sends runs under the engine's
 * lock, so frames of one session go out in timeline order.
 */
public abstract class EmuSession implements Session.Listener.AutoDemanding {

    private static final AtomicLong IDS = new AtomicLong();
    private final Logger logger = LoggerFactory.getLogger(EmuSession.class);
    protected final Engine engine;
    private final long id = IDS.incrementAndGet();
    private final long openedNanos = System.nanoTime();
    private volatile Session session;
    private volatile boolean silent;
    private volatile boolean closed;
    private volatile boolean closing;
    long pingSentNanos = -1;
    long lastPingNanos = openedNanos;

    protected EmuSession(Engine engine) {
        this.engine = engine;
    }

    // 1. Protocol hooks, called under the engine lock.

    /** The connection is open. */
    protected abstract void opened();

    /** @param text a client text message */
    protected abstract void received(String text);

    /** @param symbol venue symbol @return whether depth/book deltas of it go to this session now */
    public abstract boolean wantsDepth(String symbol);

    /** @param f a non-depth frame @return whether it goes to this session */
    public abstract boolean wants(Frame f);

    /** @param f the frame @param o the payload to send for it @return text frames sent */
    public abstract int deliver(Frame f, Outgoing o);

    /** @param nowNanos time of the housekeeping tick (heartbeats) */
    protected void tick(long nowNanos) {
    }

    // 2. Jetty listener.

    @Override
    public final void onWebSocketOpen(Session s) {
        this.session = s;
        engine.opened(this);
    }

    @Override
    public final void onWebSocketText(String text) {
        engine.received(this, text);
    }

    @Override
    public final void onWebSocketPing(ByteBuffer payload) {
        Session s = session;
        if (s != null && !closed) {
            s.sendPong(payload, Callback.NOOP);
        }
    }

    @Override
    public final void onWebSocketPong(ByteBuffer payload) {
        engine.pong(this);
    }

    @Override
    public final void onWebSocketClose(int statusCode, String reason, Callback callback) {
        markClosed();
        callback.succeed();
    }

    @Override
    public final void onWebSocketError(Throwable cause) {
        logger.debug("session {} error: {}", id, cause.toString());
        markClosed();
    }

    private void markClosed() {
        if (!closed) {
            closed = true;
            engine.closed(this);
        }
    }

    // 3. Sending.

    /**
     * Sends a text frame unless the session is silent or closed.
     *
     * @param text the frame
     * @return whether it was handed to Jetty
     */
    public final boolean send(String text) {
        Session s = session;
        if (silent || closing || closed || s == null || !s.isOpen()) {
            return false;
        }
        s.sendText(text, Callback.NOOP);
        engine.countSent();
        return true;
    }

    /** Sends a ping (Binance server ping). */
    final void ping() {
        Session s = session;
        if (s != null && !closed) {
            s.sendPing(ByteBuffer.wrap(Long.toString(System.currentTimeMillis()).getBytes()), Callback.NOOP);
        }
    }

    /** Abrupt disconnect, no close frame. */
    public final void disconnect() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
        markClosed();
    }

    /**
     * Starts a normal close once; nothing more is sent afterwards.
     *
     * @param code close code
     * @param reason close reason
     */
    public final void close(int code, String reason) {
        Session s = session;
        if (!closing && s != null && s.isOpen()) {
            closing = true;
            s.close(code, reason, Callback.NOOP);
        }
        closing = true;
    }

    /** @return whether a close was started or the connection is closed */
    public final boolean isClosing() {
        return closing || closed;
    }

    /** From now on nothing more is sent (client pings are still answered). */
    final void silence() {
        silent = true;
    }

    /** @return whether {@link #silence()} was called */
    public final boolean isSilent() {
        return silent;
    }

    /** @return whether the connection is closed */
    public final boolean isClosed() {
        return closed;
    }

    /** @return when the connection opened ({@link System#nanoTime()}) */
    public final long openedNanos() {
        return openedNanos;
    }

    /** @return a number for log messages */
    public final long id() {
        return id;
    }
}
