// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

/**
 * Counters of one emulator since {@link VenueEmulator#start()}.
 *
 * @param sessionsOpened WebSocket sessions accepted
 * @param sessionsOpen WebSocket sessions open now
 * @param snapshotsServed snapshots served (Binance REST depth bodies, Kraken {@code book_snapshot} frames)
 * @param recordedSnapshotsServed of those, the recorded bytes (the rest were synthesized from the truth)
 * @param framesSent WebSocket text frames sent to sessions (data, acks, faults; not pings)
 * @param eventsReplayed depth events the timeline has processed (all symbols, all passes)
 * @param faultsInjected faults requested through {@link VenueEmulator#inject} or the HTTP control
 * @param faultsApplied fault units that took effect (one per withheld, duplicated, altered or extra frame, dropped
 *        session, delayed or refused request)
 * @param restRequests REST requests answered (venue endpoints, not the control endpoint)
 * @param pongTimeouts sessions dropped because they did not answer a server ping in time
 * @param passesCompleted times the timeline reached the end of the recording
 * @param paused whether the timeline is paused
 * @param finished whether the timeline reached the end and stopped (option {@code loop} false)
 */
public record EmulatorStats(long sessionsOpened, int sessionsOpen, long snapshotsServed, long recordedSnapshotsServed,
        long framesSent, long eventsReplayed, long faultsInjected, long faultsApplied, long restRequests,
        long pongTimeouts, long passesCompleted, boolean paused, boolean finished) {
}
