// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One HTTP request and its (possibly delayed) JSON answer; thin wrapper over Jetty's core API. */
public final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Fields query;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.query = Request.extractQueryParameters(request);
    }

    /** @return HTTP method, upper case */
    public String method() {
        return request.getMethod();
    }

    /** @return path without query */
    public String path() {
        return Request.getPathInContext(request);
    }

    /** @param name query parameter @return its first value or null */
    public String param(String name) {
        return query.getValue(name);
    }

    /** @param name header @param value value @return this */
    public Exchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sends a JSON answer now. @param status HTTP status @param json body */
    public void reply(int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
        headers.forEach((k, v) -> response.getHeaders().put(k, v));
        Content.Sink.write(response, true, json, callback);
    }

    /**
     * Sends a JSON answer after a delay, from the given scheduler.
     *
     * @param scheduler the emulator's scheduler
     * @param delay how long to wait
     * @param status HTTP status
     * @param json body
     */
    public void replyLater(ScheduledExecutorService scheduler, Duration delay, int status, String json) {
        if (delay.isZero()) {
            reply(status, json);
            return;
        }
        scheduler.schedule(() -> reply(status, json), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
