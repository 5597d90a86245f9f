// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.trading.TradingStatus;

class StateTest extends DeskTestSupport {

    private Path stateFile() {
        return settings().stateFile();
    }

    @Test
    void aFirstStartIsActiveAndWritesNothingUntilAChange() {
        assertEquals(TradingState.ACTIVE, desk.status().state());
        assertEquals("system", desk.status().by());
        assertFalse(Files.exists(stateFile()));
    }

    @Test
    void haltedSurvivesARestart() throws IOException {
        signal(new TestBook(ETH).quote("2999.99", "3000.01"), Side.BUY, T0);
        TradingStatus killed = desk.kill("runaway \"strategy\"\nsecond line", "trader");
        desk.close();

        Desk restarted = newDesk();
        TradingStatus s = restarted.status();
        assertEquals(TradingState.HALTED, s.state());
        assertEquals("runaway \"strategy\"\nsecond line", s.reason());
        assertEquals("trader", s.by());
        assertEquals(killed.since(), s.since());
        restarted.close();

        try (Stream<Path> files = Files.list(stateFile().getParent())) {
            assertEquals(1, files.count()); // the temp file was moved over the state file
        }
        assertTrue(Files.readString(stateFile()).contains("\"state\": \"HALTED\""));
    }

    @Test
    void reducingSurvivesARestart() {
        desk.reduce("risk officer review", "officer");
        assertEquals(TradingState.REDUCING, newDesk().status().state());
    }

    @Test
    void aCorruptStateFileStartsHalted() throws IOException {
        Files.createDirectories(stateFile().getParent());
        Files.writeString(stateFile(), "{\"state\": \"ACTIVE\", \"reason\": ");
        Desk d = newDesk();
        TradingStatus s = d.status();
        assertEquals(TradingState.HALTED, s.state());
        assertTrue(s.reason().contains("is unreadable"), s.reason());
        assertTrue(s.reason().contains(stateFile().toString()), s.reason());
        assertEquals("CRITICAL", d.alerts(1).get(0).severity());

        Files.writeString(stateFile(), "{\"state\": \"PANIC\", \"reason\": \"x\", \"by\": \"y\", \"since\": \"2024-05-01T10:00:00Z\"}");
        assertEquals(TradingState.HALTED, newDesk().status().state());
        Files.writeString(stateFile(), "{\"state\": \"ACTIVE\", \"reason\": \"x\", \"by\": \"y\"}");
        assertTrue(newDesk().status().reason().contains("field 'since' is missing"));
    }

    @Test
    void aBadConfigurationStartsHaltedNamingTheProblem() {
        DeskSettings bad = DeskSettings.resolve("forty thousand", "5000", stateFile().toString(), 1000, 100,
                System::getProperty);
        assertEquals(1, bad.problems().size());
        assertEquals(new BigDecimal("40000"), bad.capital());
        TradingStatus s = new Desk(bad, clock).status();
        assertEquals(TradingState.HALTED, s.state());
        assertTrue(s.reason().contains("capital is not a decimal number: 'forty thousand'"), s.reason());
    }

    @Test
    void theStateFileDefaultsUnderKarafData() {
        Map<String, String> props = Map.of("karaf.data", "/opt/te/data", "java.io.tmpdir", "/tmp");
        DeskSettings s = DeskSettings.resolve("40000", "5000", DeskSettings.DEFAULT_STATE_FILE, 1000, 1000, props::get);
        assertEquals(Path.of("/opt/te/data/trading/state.json"), s.stateFile());
        assertTrue(s.problems().isEmpty());
        DeskSettings outside = DeskSettings.resolve("40000", "5000", DeskSettings.DEFAULT_STATE_FILE, 1000, 1000,
                Map.of("java.io.tmpdir", "/tmp")::get);
        assertEquals(Path.of("/tmp/tradeengine-trading/state.json"), outside.stateFile());
        DeskSettings zero = DeskSettings.resolve("40000", "0", DeskSettings.DEFAULT_STATE_FILE, 5, 0, props::get);
        assertEquals(3, zero.problems().size());
    }
}
