// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One record as the spool holds it: exactly what {@code append} was given, plus the spool sequence number and the
 * time it was accepted. One JSON object per line: {@code {"seq":..,"type":..,"at":..,"key":..,"correlationId":..,
 * "appendedAt":..,"fields":{..}}}; {@code at} and {@code key} may be null (the row conversion deals with that).
 *
 * @param seq spool sequence number, increasing in append order
 * @param type record type name ({@code AuditRecord.Type} name, or a newer one this version does not know)
 * @param at event time, may be null
 * @param key idempotency key, may be null
 * @param correlationId correlation id, never null
 * @param appendedAt when append accepted it
 * @param fields the record's fields, sorted by key
 */
record SpoolEntry(long seq, String type, Instant at, String key, String correlationId, Instant appendedAt,
        Map<String, String> fields) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    SpoolEntry {
        correlationId = correlationId == null ? "" : correlationId;
        fields = fields == null ? Map.of() : new TreeMap<>(fields);
    }

    /** @return the JSON line, without the line feed */
    String toJson() {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", seq);
            g.writeStringField("type", type);
            g.writeStringField("at", at == null ? null : at.toString());
            g.writeStringField("key", key);
            g.writeStringField("correlationId", correlationId);
            g.writeStringField("appendedAt", appendedAt.toString());
            g.writeObjectFieldStart("fields");
            for (Map.Entry<String, String> f : fields.entrySet()) {
                g.writeStringField(f.getKey(), f.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** @return the fields as a JSON object, keys sorted: what the {@code fields_json} columns hold */
    String fieldsJson() {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a {@code fields_json} column back: the inverse of {@link #fieldsJson()}, so the fields come back exactly
     * as they were appended. A JSON null (only a hand-edited spool line can carry one) is left out.
     *
     * @param json the column's text
     * @return the fields, keys sorted
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    static Map<String, String> parseFields(String json) {
        JsonNode n;
        try {
            n = json == null ? null : MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("fields_json is not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("fields_json is not a JSON object");
        }
        Map<String, String> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isNull()) {
                fields.put(f.getKey(), f.getValue().asText());
            }
        }
        return fields;
    }

    /**
     * Parses one spool line.
     *
     * @param line the line, without the line feed
     * @return the entry
     * @throws IllegalArgumentException if the line is not a spool entry (corruption)
     */
    static SpoolEntry parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject() || !n.path("seq").canConvertToExactIntegral() || !n.path("type").isTextual()
                || !n.path("appendedAt").isTextual()) {
            throw new IllegalArgumentException("not a spool entry (needs seq, type, appendedAt)");
        }
        Map<String, String> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("fields").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
        }
        try {
            return new SpoolEntry(n.get("seq").asLong(), n.get("type").asText(), instant(n.get("at")), text(n.get("key")),
                    text(n.get("correlationId")), Instant.parse(n.get("appendedAt").asText()), fields);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("bad time: " + e.getParsedString());
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }
}
