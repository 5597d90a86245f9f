// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.trading.internal.Desk;
import org.tradeengine.trading.internal.DeskSettings;

class ShellCommandsTest {

    @TempDir
    Path dir;
    private Desk desk;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void setUp() {
        desk = new Desk(DeskSettings.of("40000", "5000", dir.resolve("state.json"), 1000, 10), Clock.systemUTC());
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        desk.close();
    }

    private static <T extends StateCommand> T command(T c, Desk desk, String... words) {
        c.desk = desk;
        c.reason = List.of(words);
        return c;
    }

    @Test
    void stateCommandsJoinTheReasonAndNameTheShellUser() {
        command(new KillCommand(), desk, "fat", "finger", "on", "BTC").execute();
        assertEquals(TradingState.HALTED, desk.status().state());
        assertEquals("fat finger on BTC", desk.status().reason());
        assertEquals("shell", desk.status().by()); // no JAAS subject outside Karaf
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Trading HALTED"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRefusedCommandSaysWhyAndChangesNothing() {
        command(new ResetCommand(), desk, "why", "not").execute();
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Refused: trading is ACTIVE, not HALTED"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(TradingState.ACTIVE, desk.status().state());
    }

    @Test
    void pnlAndTradingPrintTheirTables() {
        PnlCommand pnl = new PnlCommand();
        pnl.desk = desk;
        pnl.execute();
        TradingCommand trading = new TradingCommand();
        trading.desk = desk;
        trading.execute();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Equity") && text.contains("40000.00"), text);
        assertTrue(text.contains("Trades (round trips)"), text);
        assertTrue(text.contains("Trading ACTIVE"), text);
        assertTrue(text.contains("Risk events (newest first):"), text);
    }
}
