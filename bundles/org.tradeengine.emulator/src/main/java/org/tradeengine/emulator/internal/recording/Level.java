// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.recording;

import java.math.BigDecimal;

/**
 * One price level as recorded (scale kept, so {@code "58710.20"} stays scale 2).
 *
 * @param price price
 * @param qty absolute quantity, zero = delete
 */
public record Level(BigDecimal price, BigDecimal qty) {
}
