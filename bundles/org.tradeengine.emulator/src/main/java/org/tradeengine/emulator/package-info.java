// SPDX-License-Identifier: Apache-2.0
/**
 * Loopback venue emulators for tests: {@link org.tradeengine.emulator.VenueEmulator} replays real recordings of
 * Binance USD-M Futures, Binance.US and Kraken Futures over the venues' own WebSocket and REST protocols and injects
 * faults ({@link org.tradeengine.emulator.Fault}). Implementation under {@code .internal}.
 */
package org.tradeengine.emulator;
