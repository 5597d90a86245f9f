// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.kraken;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/** Kraken prints prices and quantities as JSON numbers; keep them exact (BigDecimal, trailing zeros kept). */
final class KrakenJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private KrakenJson() {
    }

    static JsonNode read(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the venue prints numbers: {@code 4787.0}, {@code 2004.85}, {@code 0.7}. */
    static String number(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() <= 0 ? s.setScale(1).toPlainString() : s.toPlainString();
    }
}
