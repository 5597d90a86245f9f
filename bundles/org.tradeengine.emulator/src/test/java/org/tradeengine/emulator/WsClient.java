// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Test client on the JDK's WebSocket: queues every text message, remembers how the connection ended. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    /** Close code from the server's close frame, or -1 when the connection failed without one. */
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final AtomicInteger pongs = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static WsClient connect(URI uri) {
        WsClient c = new WsClient();
        try {
            c.ws = HTTP.newWebSocketBuilder().buildAsync(uri, c).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot connect " + uri, e);
        }
        return c;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    void send(String text) {
        ws.sendText(text, true).join();
    }

    void ping() {
        ws.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).join();
    }

    String next() {
        try {
            String m = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                fail("no message within " + TIMEOUT);
            }
            return m;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    String next(Predicate<String> wanted) {
        for (;;) {
            String m = next();
            if (wanted.test(m)) {
                return m;
            }
        }
    }

    List<String> next(int n, Predicate<String> wanted) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            out.add(next(wanted));
        }
        return out;
    }

    int closeCode() {
        try {
            return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("connection did not end within " + TIMEOUT, e);
        }
    }

    @Override
    public void close() {
        if (ws != null && !ws.isOutputClosed()) {
            ws.abort();
        }
    }
}
