// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tradeengine.api.audit.AuditQueries;

/** Every journal command: without the journal one line says so; a store that cannot answer gives its message only. */
class AuditErrorPathsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T10:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("te:journal", (Function<AuditQueries, Action>) a -> {
                    JournalCommand c = new JournalCommand();
                    c.audit = a;
                    return c;
                }, "status"),
                Arguments.of("te:journal-pnl", (Function<AuditQueries, Action>) a -> {
                    JournalPnlCommand c = new JournalPnlCommand();
                    c.audit = a;
                    c.clock = CLOCK;
                    return c;
                }, "dailyPnl 2024-02-28 2024-03-05"),
                Arguments.of("te:journal-fills", (Function<AuditQueries, Action>) a -> {
                    JournalFillsCommand c = new JournalFillsCommand();
                    c.audit = a;
                    c.clock = CLOCK;
                    return c;
                }, "fills 2024-03-05 100"),
                Arguments.of("te:journal-risk", (Function<AuditQueries, Action>) a -> {
                    JournalRiskCommand c = new JournalRiskCommand();
                    c.audit = a;
                    return c;
                }, "riskEvents 50"),
                Arguments.of("te:journal-rules", (Function<AuditQueries, Action>) a -> {
                    JournalRulesCommand c = new JournalRulesCommand();
                    c.audit = a;
                    return c;
                }, "ruleDeployments null 50"),
                Arguments.of("te:order-life", (Function<AuditQueries, Action>) a -> {
                    OrderLifeCommand c = new OrderLifeCommand();
                    c.audit = a;
                    c.id = "corr-1";
                    return c;
                }, "orderLife corr-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void withoutTheJournalOneLineSaysWhatToInstall(String name, Function<AuditQueries, Action> command, String call)
            throws Exception {
        Console c = Console.run(command.apply(null));
        assertEquals("", c.out());
        assertEquals(List.of(AuditCalls.NOT_RUNNING), c.err().lines().toList());
        assertEquals("the audit journal is not running: install feature trade-engine-journal", AuditCalls.NOT_RUNNING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aStoreThatCannotAnswerGivesItsMessageAsOneErrorLine(String name, Function<AuditQueries, Action> command, String call)
            throws Exception {
        FakeAudit audit = new FakeAudit();
        audit.down = "journal database unreachable (tradeengine): connection refused; 42 records wait in the spool";
        Console c = Console.run(command.apply(audit));
        assertEquals(List.of(call), audit.calls);
        assertEquals("", c.out());
        assertEquals(List.of(audit.down), c.err().lines().toList());
    }
}
