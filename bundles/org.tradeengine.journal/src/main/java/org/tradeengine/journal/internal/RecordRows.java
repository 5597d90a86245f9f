// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tradeengine.journal.internal.RecordConventions.Field;
import org.tradeengine.journal.internal.RecordConventions.Table;

/**
 * Turns a spooled record into the row of its table, following {@link RecordConventions}. It never fails: a missing
 * or malformed field leaves its column NULL and is named in {@code problems}; {@code fields_json} keeps every field
 * exactly as given, so nothing is lost.
 */
final class RecordRows {

    /** Prefix of the MyBatis statement ids. */
    static final String NAMESPACE = JournalMapper.class.getName() + ".";

    /**
     * One row to insert.
     *
     * @param table the table
     * @param statement the MyBatis statement id of its idempotent insert
     * @param params column name to value
     * @param problems what was missing or malformed (empty if nothing)
     */
    record Row(String table, String statement, Map<String, Object> params, List<String> problems) {
    }

    private RecordRows() {
    }

    /**
     * Builds the row for a record.
     *
     * @param e the spooled record
     * @return its row: in its own table, or in {@code unclassified_record} for a type this version does not know
     */
    static Row toRow(SpoolEntry e) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> p = head(e, problems);
        Table table = RecordConventions.tableFor(e.type(), e.fields());
        if (table == null) {
            problems.add("type " + e.type() + " has no table in this version");
            p.put("record_type", e.type());
            return finish(RecordConventions.UNCLASSIFIED, p, problems);
        }
        for (Field f : table.fields()) {
            p.put(f.column(), value(f, e.fields().get(f.key()), problems));
        }
        if (table.utcDay()) {
            p.put("utc_day", LocalDate.ofInstant(((OffsetDateTime) p.get("event_at")).toInstant(), ZoneOffset.UTC));
        }
        return finish(table, p, problems);
    }

    /**
     * The row to store a record under when its own table refused it: {@code unclassified_record}, with the refusal.
     *
     * @param e the record
     * @param refusal what the database said
     * @param table the table that refused it
     * @return the fallback row
     */
    static Row unclassified(SpoolEntry e, String table, String refusal) {
        List<String> problems = new ArrayList<>(toRow(e).problems());
        problems.add("refused by " + table + ": " + refusal);
        Map<String, Object> p = head(e, new ArrayList<>());
        p.put("record_type", e.type());
        return finish(RecordConventions.UNCLASSIFIED, p, problems);
    }

    private static Map<String, Object> head(SpoolEntry e, List<String> problems) {
        Map<String, Object> p = new LinkedHashMap<>();
        String key = e.key();
        if (key == null || key.isBlank()) {
            key = "unkeyed-" + e.seq();
            problems.add("no key: stored as " + key);
        }
        Instant at = e.at();
        if (at == null) {
            at = e.appendedAt();
            problems.add("no time: the time it was journaled is used");
        }
        p.put("journal_seq", e.seq());
        p.put("record_key", key);
        p.put("event_at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        p.put("correlation_id", e.correlationId());
        p.put("recorded_at", OffsetDateTime.ofInstant(e.appendedAt(), ZoneOffset.UTC));
        p.put("fields_json", e.fieldsJson());
        return p;
    }

    private static Row finish(Table table, Map<String, Object> p, List<String> problems) {
        p.put("problems", problems.isEmpty() ? null : String.join("; ", problems));
        return new Row(table.name(), NAMESPACE + table.statement(), p, List.copyOf(problems));
    }

    private static Object value(Field f, String raw, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            if (f.required()) {
                problems.add("missing " + f.key());
            }
            return null;
        }
        String v = raw.strip();
        try {
            return switch (f.kind()) {
                case TEXT -> raw;
                case DECIMAL -> new BigDecimal(v);
                case LONG -> Long.parseLong(v);
                case BOOLEAN -> bool(v);
                case INSTANT -> OffsetDateTime.ofInstant(Instant.parse(v), ZoneOffset.UTC);
            };
        } catch (IllegalArgumentException | DateTimeException e) { // NumberFormatException, DateTimeParseException
            problems.add(f.key() + ": not " + f.kind().what + " '" + abbreviate(raw) + "'");
            return null;
        }
    }

    private static Boolean bool(String v) {
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(v);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
