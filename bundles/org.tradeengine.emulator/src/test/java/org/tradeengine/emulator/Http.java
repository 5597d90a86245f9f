// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** Tiny HTTP helper on the JDK client. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    static HttpResponse<String> get(URI base, String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().timeout(WsClient.TIMEOUT).build());
    }

    static CompletableFuture<HttpResponse<String>> getAsync(URI base, String pathAndQuery) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().timeout(WsClient.TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI base, String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(WsClient.TIMEOUT).build());
    }

    private static HttpResponse<String> send(HttpRequest r) {
        try {
            return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(r.method() + " " + r.uri() + " failed", e);
        }
    }
}
