// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.http;

import java.time.Duration;

import org.eclipse.jetty.http.pathmap.RegexPathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.emulator.internal.Engine;

/** Jetty on 127.0.0.1: WebSocket upgrades on the venue's paths, the venue REST API and {@code /_emulator/}. */
public final class EmulatorHttpServer {

    private static final Duration IDLE = Duration.ofHours(1);
    private final Logger logger = LoggerFactory.getLogger(EmulatorHttpServer.class);
    private final Server server;
    private final ServerConnector connector;

    /** @param engine the engine @param port TCP port, 0 = ephemeral */
    public EmulatorHttpServer(Engine engine, int port) {
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("emulator-" + engine.venue().cliName() + "-http");
        pool.setDaemon(true);
        server = new Server(pool);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(IDLE.toMillis());
        server.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
            // sessions must survive long pauses and the SILENT fault: no idle close
            container.setIdleTimeout(IDLE);
            container.setMaxTextMessageSize(1 << 20);
            container.addMapping(new RegexPathSpec(engine.protocol().wsPathRegex()), (req, resp, cb) -> engine
                    .protocol().newSession(engine, Request.getPathInContext(req),
                            Request.extractQueryParameters(req)));
        });
        ws.setHandler(new Router(engine));
        server.setHandler(ws);
    }

    /** @throws Exception when Jetty cannot bind */
    public void start() throws Exception {
        server.start();
    }

    /** @return the bound port */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops Jetty (open connections are closed). */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            logger.debug("jetty stop: {}", e.toString());
        }
    }

    private static final class Router extends Handler.Abstract.NonBlocking {

        private final Logger logger = LoggerFactory.getLogger(Router.class);
        private final Engine engine;
        private final ControlEndpoint control;

        Router(Engine engine) {
            this.engine = engine;
            this.control = new ControlEndpoint(engine);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Exchange ex = new Exchange(request, response, callback);
            try {
                if (ex.path().equals(ControlEndpoint.PREFIX) || ex.path().startsWith(ControlEndpoint.PREFIX + "/")) {
                    control.handle(ex);
                } else {
                    engine.protocol().rest(engine, ex);
                }
            } catch (RuntimeException e) {
                logger.warn("{} {} failed: {}", request.getMethod(), ex.path(), e.toString());
                ex.reply(500, ControlEndpoint.error("emulator failed: " + e));
            }
            return true;
        }
    }
}
