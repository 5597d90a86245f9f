// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tradeengine.journal.internal.Records.fields;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The field conventions: which keys go to which column, parsed how, and what is said about bad ones. */
class RecordRowsTest {

    private static final Instant T = Instant.parse("2024-08-08T23:59:59.999Z");

    private static RecordRows.Row row(String type, Map<String, String> fields) {
        return RecordRows.toRow(new SpoolEntry(7, type, T, "k", "c", T, fields));
    }

    @Test
    void decimalsKeepEveryDigitAndTheirScale() {
        RecordRows.Row r = row("FILL", fields("clientOrderId", "o", "instrument", "X", "side", "BUY", "qty", "0.0010",
                "price", " 65000.10 ", "fee", "-1E-8"));

        assertEquals(new BigDecimal("0.0010"), r.params().get("qty"));
        assertEquals(new BigDecimal("65000.10"), r.params().get("price"));
        assertEquals(new BigDecimal("-1E-8"), r.params().get("fee"));
        assertEquals(List.of(), r.problems());
        assertNull(r.params().get("problems"));
    }

    @Test
    void aBlankOptionalFieldIsAbsentAndABlankRequiredOneIsMissing() {
        RecordRows.Row r = row("ORDER", fields("clientOrderId", "o", "instrument", "X", "side", "", "type", "MARKET",
                "qty", "1", "limitPrice", ""));

        assertNull(r.params().get("limit_price"));
        assertNull(r.params().get("side"));
        assertEquals(List.of("missing side"), r.problems());
    }

    @Test
    void malformedValuesAreNamedWithTheirKeyAndText() {
        RecordRows.Row r = row("SIGNAL", fields("strategyId", "s", "rule", "r", "instrument", "X", "side", "BUY",
                "ruleGeneration", "3.5", "bookUpdateId", "99999999999999999999", "imbalance", "1/3"));

        assertEquals(List.of("ruleGeneration: not an integer '3.5'", "imbalance: not a decimal '1/3'",
                "bookUpdateId: not an integer '99999999999999999999'"), r.problems());
        assertEquals("ruleGeneration: not an integer '3.5'; imbalance: not a decimal '1/3'; "
                + "bookUpdateId: not an integer '99999999999999999999'", r.params().get("problems"));
    }

    @Test
    void positionsKeepWhenAndWhereTheyWereOpened() {
        RecordRows.Row r = row("POSITION", fields("instrument", "X", "qty", "-0.004", "openedAt",
                "2024-08-08T12:00:00.123456Z", "openedNanos", "99", "venue", "PAPER"));

        assertEquals("position_snapshot", r.table());
        assertEquals(OffsetDateTime.parse("2024-08-08T12:00:00.123456Z"), r.params().get("opened_at"));
        assertEquals("PAPER", r.params().get("venue"));
        assertEquals(List.of(), r.problems());
        RecordRows.Row bad = row("POSITION", fields("instrument", "X", "qty", "1", "openedAt", "yesterday"));
        assertNull(bad.params().get("opened_at"));
        assertEquals(List.of("openedAt: not an ISO-8601 instant 'yesterday'"), bad.problems());
    }

    @Test
    void tradingStateRecordsSplitIntoStateChangesAndKillSwitchEvents() {
        assertEquals("trading_state_change", row("TRADING_STATE", fields("to", "HALTED", "reason", "r")).table());
        assertEquals("trading_state_change", row("TRADING_STATE", fields("kind", "STATE_CHANGE", "to", "A", "reason",
                "r")).table());
        RecordRows.Row kill = row("TRADING_STATE", fields("kind", "kill_switch", "action", "FIRED", "reason", "r"));
        assertEquals("kill_switch_event", kill.table());
        assertEquals("FIRED", kill.params().get("action"));
    }

    @Test
    void anUnknownTypeIsKeptWhole() {
        RecordRows.Row r = row("UNKNOWN", fields("a", "1"));

        assertEquals("unclassified_record", r.table());
        assertEquals("UNKNOWN", r.params().get("record_type"));
        assertEquals("{\"a\":\"1\"}", r.params().get("fields_json"));
    }

    @Test
    void fillsAndEquityPointsCarryTheUtcDayOfTheirEventTime() {
        assertEquals(LocalDate.parse("2024-08-08"), row("FILL", fields()).params().get("utc_day"));
        assertEquals(LocalDate.parse("2024-08-08"), row("EQUITY", fields("equity", "1")).params().get("utc_day"));
    }

    @Test
    void fieldsJsonHoldsEveryFieldSortedIncludingUnknownOnes() {
        RecordRows.Row r = row("RULE_DEPLOYMENT", fields("ruleSet", "risk", "outcome", "DEPLOYED", "zz", "z\"q",
                "problems", "line 1\nline 2"));

        assertEquals("{\"outcome\":\"DEPLOYED\",\"problems\":\"line 1\\nline 2\",\"ruleSet\":\"risk\",\"zz\":\"z\\\"q\"}",
                r.params().get("fields_json"));
        assertEquals("line 1\nline 2", r.params().get("error"));
    }
}
