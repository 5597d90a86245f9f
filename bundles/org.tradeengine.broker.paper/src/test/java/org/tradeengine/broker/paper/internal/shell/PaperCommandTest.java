// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.tradeengine.broker.paper.internal.PaperBrokerComponent;

class PaperCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PaperBrokerComponent paper;

    @BeforeEach
    void setUp() {
        oldOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(oldOut);
        if (paper != null) {
            paper.deactivate();
        }
    }

    /** The component as Declarative Services starts it in Karaf: defaults, karaf.data from the framework. */
    private PaperBrokerComponent start(Map<String, String> config) {
        PaperBrokerComponent.Config c = (PaperBrokerComponent.Config) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PaperBrokerComponent.Config.class},
                (proxy, m, args) -> m.getDeclaringClass() == Object.class ? null
                        : config.containsKey(m.getName()) ? config.get(m.getName()) : m.getDefaultValue());
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, m, args) -> m.getName().equals("getProperty") && "karaf.data".equals(args[0]) ? dir.toString()
                        : null);
        return new PaperBrokerComponent(c, context);
    }

    private String run() {
        PaperCommand command = new PaperCommand();
        command.paper = paper;
        command.execute();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsTheLedgerWhatItRestoredOpenOrdersAndPositions() throws IOException {
        Path ledger = dir.resolve("paper").resolve("ledger.log");
        Files.createDirectories(ledger.getParent());
        // written by hand in the documented format, as another tool would
        Files.write(ledger, List.of(
                "{\"seq\":1,\"event\":\"ACCEPTED\",\"clientOrderId\":\"o1\",\"correlationId\":\"c1\","
                        + "\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\",\"side\":\"BUY\",\"type\":\"LIMIT\","
                        + "\"qty\":\"2.000\",\"limitPrice\":\"99.0\",\"reduceOnly\":false,\"reason\":\"test\","
                        + "\"createdAt\":null,\"detail\":\"\",\"at\":\"2024-08-08T23:55:00Z\"}",
                "{\"seq\":2,\"event\":\"FILL\",\"clientOrderId\":\"o1\",\"correlationId\":\"c1\","
                        + "\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\",\"side\":\"BUY\",\"qty\":\"0.500\","
                        + "\"price\":\"99.0\",\"fee\":\"0.00990000\",\"liquidity\":\"MAKER\",\"leavesQty\":\"1.500\","
                        + "\"detail\":\"\",\"at\":\"2024-08-08T23:55:01Z\"}",
                "not a ledger line"), StandardCharsets.UTF_8);
        paper = start(Map.of());

        String text = run();
        assertTrue(text.contains("Ledger file     " + ledger), text);
        assertTrue(text.contains("Writable        yes"), text);
        assertTrue(text.contains("Write failures  0 events not in the ledger"), text);
        assertTrue(text.contains("Restored        1 orders, 1 fills, 0 cancels, 0 rejects; 1 open orders, 1 positions"),
                text);
        assertTrue(text.contains("Bad lines       1 skipped at start"), text);
        assertTrue(text.contains("Written         0 orders, 0 fills, 0 cancels, 0 rejects since start (last seq 2)"),
                text);
        assertTrue(text.contains("o1") && text.contains("1.500") && text.contains("99.0"), text);
        assertTrue(text.contains("BTCUSDT-PERP.BINANCE_FUTURES") && text.contains("0.500"), text);
    }

    @Test
    void saysWhenTheLedgerIsInMemoryOrCannotBeWritten() throws IOException {
        paper = start(Map.of("ledger_file", ""));
        String text = run();
        assertTrue(text.contains("none: memory only (ledger.file is empty)"), text);
        assertTrue(text.contains("Open orders: none") && text.contains("Positions: flat"), text);
        paper.deactivate();

        out.reset();
        Files.writeString(dir.resolve("blocked"), "a file, not a directory");
        paper = start(Map.of("ledger_file", "${karaf.data}/blocked/ledger.log"));
        text = run();
        assertTrue(text.contains("Writable        NO: new orders are refused"), text);
        assertTrue(text.contains("Last failure    paper ledger " + dir.resolve("blocked").resolve("ledger.log")
                + " cannot be written: "), text);
    }
}
