// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentId;

class BookSyncTest {

    private static final InstrumentId ID = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");

    private final List<BookDelta> emitted = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();
    private final SyncOutput out = new SyncOutput() {
        @Override
        public void emit(BookDelta delta) {
            emitted.add(delta);
        }

        @Override
        public void broken(String message) {
            broken.add(message);
        }
    };

    private BookSync futures() {
        return new BookSync(SyncRules.FUTURES, 100, out);
    }

    private BookSync spot() {
        return new BookSync(SyncRules.SPOT, 100, out);
    }

    /** A futures event: U, u and pu. */
    private static BookDelta fut(long first, long last, long pu) {
        return delta(BookDelta.Kind.UPDATE, first, last, SyncRules.FUTURES.previousId(first, pu));
    }

    /** A spot event: U and u (continues from U - 1). */
    private static BookDelta spt(long first, long last) {
        return delta(BookDelta.Kind.UPDATE, first, last, SyncRules.SPOT.previousId(first, 0));
    }

    private static BookDelta snap(long id) {
        return delta(BookDelta.Kind.SNAPSHOT, id, id, id);
    }

    private static BookDelta delta(BookDelta.Kind kind, long first, long last, long prev) {
        return new BookDelta(ID, kind, first, last, prev, 0, 0, new long[] {1}, new long[] {1}, 1, new long[0], new long[0], 0);
    }

    /** Emitted deltas as "S25", "U21-30/25" (kind, ids, previous id). */
    private List<String> emittedText() {
        List<String> l = new ArrayList<>();
        for (BookDelta d : emitted) {
            l.add(d.isSnapshot() ? "S" + d.lastUpdateId()
                    : "U" + d.firstUpdateId() + "-" + d.lastUpdateId() + "/" + d.previousUpdateId());
        }
        return l;
    }

    @Test
    void futuresBuffersDropsStaleEventsAndBridgesTheSnapshot() {
        BookSync s = futures();
        s.onUpdate(fut(1, 10, 0));
        s.onUpdate(fut(11, 20, 10));
        s.onUpdate(fut(21, 30, 20));
        assertEquals(List.of(), emitted);
        assertEquals(BookState.SYNCING, s.state());
        s.onSnapshot(snap(25));
        s.onUpdate(fut(31, 40, 30));
        assertEquals(List.of("S25", "U21-30/25", "U31-40/30"), emittedText());
        assertEquals(BookState.LIVE, s.state());
        assertEquals(40, s.lastUpdateId());
        assertEquals(2, s.applied());
        assertEquals(2, s.dropped());
        assertEquals(List.of(), broken);
    }

    @Test
    void futuresBridgesAnEventEndingExactlyAtTheSnapshotId() {
        BookSync s = futures();
        s.onUpdate(fut(5, 10, 4));
        s.onUpdate(fut(11, 20, 10));
        s.onSnapshot(snap(20));
        assertEquals(List.of("S20", "U11-20/20"), emittedText());
        assertEquals(1, s.dropped());
    }

    @Test
    void futuresBridgesAnEventStartingAtTheSnapshotId() {
        BookSync s = futures();
        s.onUpdate(fut(20, 30, 19));
        s.onSnapshot(snap(20));
        assertEquals(List.of("S20", "U20-30/20"), emittedText());
    }

    @Test
    void spotDropsAnEventEndingAtTheSnapshotIdAndBridgesTheNextOne() {
        BookSync s = spot();
        s.onUpdate(spt(11, 20));
        s.onUpdate(spt(21, 30));
        s.onSnapshot(snap(20));
        s.onUpdate(spt(31, 35));
        assertEquals(List.of("S20", "U21-30/20", "U31-35/30"), emittedText());
        assertEquals(1, s.dropped());
    }

    @Test
    void spotBridgesAnEventThatOverlapsTheSnapshot() {
        BookSync s = spot();
        s.onUpdate(spt(15, 30));
        s.onSnapshot(snap(20));
        assertEquals(List.of("S20", "U15-30/20"), emittedText());
    }

    @Test
    void snapshotBeforeAnyEventIsHeldUntilAnEventBridgesIt() {
        BookSync s = futures();
        s.onSnapshot(snap(25));
        assertEquals(List.of(), emitted);
        s.onUpdate(fut(1, 10, 0));
        s.onUpdate(fut(21, 30, 10));
        assertEquals(List.of("S25", "U21-30/25"), emittedText());
        assertEquals(1, s.dropped());
    }

    @Test
    void futuresGapIsReportedWithTheIdsAndWaitsForTheNextSnapshot() {
        BookSync s = futures();
        s.onUpdate(fut(21, 30, 20));
        s.onSnapshot(snap(25));
        s.onUpdate(fut(41, 50, 35));
        assertEquals(List.of("sequence gap: pu == previous u broken: pu=35, previous u=30 (event U=41 u=50: updates are"
                + " missing)"), broken);
        assertEquals(BookState.INVALID, s.state());
        assertEquals(1, s.gaps());
        s.onUpdate(fut(51, 60, 50));
        assertEquals(2, emitted.size(), "nothing emitted while invalid");
        s.onSnapshot(snap(55));
        s.onUpdate(fut(61, 70, 60));
        assertEquals(List.of("S25", "U21-30/25", "S55", "U51-60/55", "U61-70/60"), emittedText());
        assertEquals(BookState.LIVE, s.state());
        assertEquals(2, s.syncs());
        assertEquals(1, s.dropped(), "the event that broke the chain was buffered, then found stale");
    }

    @Test
    void spotGapNamesTheSpotRule() {
        BookSync s = spot();
        s.onUpdate(spt(21, 30));
        s.onSnapshot(snap(25));
        s.onUpdate(spt(32, 40));
        assertEquals(List.of("sequence gap: U == previous u + 1 broken: U=32, previous u=30 (event U=32 u=40: updates are"
                + " missing)"), broken);
        assertEquals(BookState.INVALID, s.state());
    }

    @Test
    void duplicateEventIsIgnoredAndTheBookStaysLive() {
        BookSync s = futures();
        s.onUpdate(fut(21, 30, 20));
        s.onSnapshot(snap(25));
        s.onUpdate(fut(31, 40, 30));
        s.onUpdate(fut(31, 40, 30));
        s.onUpdate(fut(41, 50, 40));
        assertEquals(List.of(), broken);
        assertEquals(List.of("S25", "U21-30/25", "U31-40/30", "U41-50/40"), emittedText());
        assertEquals(1, s.stale());
        assertEquals(BookState.LIVE, s.state());
    }

    @Test
    void outOfOrderPairBreaksTheChainOnTheEarlyEventAndTheLateOneIsDroppedByTheNextSnapshot() {
        BookSync s = spot();
        s.onUpdate(spt(21, 30));
        s.onSnapshot(snap(25));
        s.onUpdate(spt(31, 40));
        s.onUpdate(spt(51, 60));   // 41-50 is late
        s.onUpdate(spt(41, 50));
        assertEquals(List.of("sequence gap: U == previous u + 1 broken: U=51, previous u=40 (event U=51 u=60: updates are"
                + " missing)"), broken);
        assertEquals(BookState.INVALID, s.state());
        s.onSnapshot(snap(55));
        s.onUpdate(spt(61, 70));
        assertEquals(List.of("S25", "U21-30/25", "U31-40/30", "S55", "U51-60/55", "U61-70/60"), emittedText());
        assertEquals(BookState.LIVE, s.state());
    }

    @Test
    void aFuturesEventContinuingExactlyFromTheSnapshotBridgesIt() {
        BookSync s = futures();
        s.onSnapshot(snap(30));
        s.onUpdate(fut(35, 40, 30));
        assertEquals(List.of("S30", "U35-40/30"), emittedText());
        assertEquals(BookState.LIVE, s.state());
    }

    @Test
    void anInStreamKrakenSnapshotIsAFullSyncAndDropsWhatWasBufferedBeforeIt() {
        BookSync s = new BookSync(SyncRules.KRAKEN, 100, out);
        s.onUpdate(spt(7, 7));       // an older delta of the previous subscription
        s.onUpdate(spt(900, 900));   // a bogus one (another product's seq)
        s.onSnapshot(snap(10));
        assertEquals(List.of("S10"), emittedText());
        assertEquals(BookState.LIVE, s.state());
        s.onUpdate(spt(11, 11));
        s.onUpdate(spt(13, 13));
        assertEquals(List.of("S10", "U11-11/10"), emittedText());
        assertEquals(1, broken.size());
        assertTrue(broken.get(0).startsWith("sequence gap: seq == previous seq + 1 broken: seq=13, previous seq=11"),
                broken.get(0));
    }

    @Test
    void aSpotSnapshotTakenExactlyAtTheLastBufferedEventIsLiveAtOnce() {
        BookSync s = spot();
        s.onUpdate(spt(21, 30));
        s.onSnapshot(snap(30));
        assertEquals(List.of("S30"), emittedText());
        assertEquals(BookState.LIVE, s.state());
        s.onUpdate(spt(31, 35));
        assertEquals(List.of("S30", "U31-35/30"), emittedText());
    }

    @Test
    void invalidateDropsTheBookUntilTheNextSnapshot() {
        BookSync s = futures();
        s.onUpdate(fut(21, 30, 20));
        s.onSnapshot(snap(25));
        s.invalidate("crossed book");
        assertEquals(List.of("crossed book"), broken);
        assertEquals(BookState.INVALID, s.state());
        s.onUpdate(fut(31, 40, 30));
        assertEquals(List.of("S25", "U21-30/25"), emittedText());
        s.onSnapshot(snap(35));
        assertEquals(List.of("S25", "U21-30/25", "S35", "U31-40/35"), emittedText());
        assertEquals(BookState.LIVE, s.state());
    }

    @Test
    void snapshotOlderThanTheFirstBufferedEventFailsTheBridgeAndANewerOneSyncs() {
        BookSync s = futures();
        s.onUpdate(fut(100, 110, 99));
        s.onUpdate(fut(111, 120, 110));
        s.onSnapshot(snap(50));
        assertEquals(List.of("snapshot bridge U <= lastUpdateId <= u broken: lastUpdateId=50, first event to apply U=100"
                + " u=110 (the snapshot is older than the event stream; waiting for a newer snapshot)"), broken);
        assertEquals(BookState.INVALID, s.state());
        assertEquals(List.of(), emitted);
        assertEquals(2, s.buffered(), "the events stay buffered for the next snapshot");
        s.onSnapshot(snap(105));
        assertEquals(List.of("S105", "U100-110/105", "U111-120/110"), emittedText());
        assertEquals(BookState.LIVE, s.state());
    }

    @Test
    void spotSnapshotOlderThanTheFirstEventNamesTheSpotBridgeRule() {
        BookSync s = spot();
        s.onUpdate(spt(100, 110));
        s.onSnapshot(snap(98));
        assertEquals(1, broken.size());
        assertTrue(broken.get(0).startsWith("snapshot bridge U <= lastUpdateId + 1 <= u broken: lastUpdateId=98, first event"
                + " to apply U=100 u=110"), broken.get(0));
        s.onSnapshot(snap(99));
        assertEquals(List.of("S99", "U100-110/99"), emittedText());
    }

    @Test
    void gapInsideTheBufferIsFoundWhenTheSnapshotArrives() {
        BookSync s = futures();
        s.onUpdate(fut(21, 30, 20));
        s.onUpdate(fut(41, 50, 35));
        s.onUpdate(fut(51, 60, 50));
        s.onSnapshot(snap(25));
        assertEquals(List.of("S25", "U21-30/25"), emittedText());
        assertEquals(1, broken.size());
        assertEquals(2, s.buffered(), "the breaking event and the rest wait for the next snapshot");
        s.onSnapshot(snap(45));
        assertEquals(List.of("S25", "U21-30/25", "S45", "U41-50/45", "U51-60/50"), emittedText());
    }

    @Test
    void fullBufferDropsTheOldestEvents() {
        BookSync s = new BookSync(SyncRules.SPOT, 3, out);
        for (int i = 0; i < 5; i++) {
            s.onUpdate(spt(i * 10 + 1, i * 10 + 10));
        }
        assertEquals(3, s.buffered());
        assertEquals(2, s.overflowed());
        s.onSnapshot(snap(5));
        assertEquals(1, broken.size(), "the event that bridged snapshot 5 was dropped");
        assertTrue(broken.get(0).contains("lastUpdateId=5, first event to apply U=21 u=30"), broken.get(0));
        s.onSnapshot(snap(25));
        assertEquals(List.of("S25", "U21-30/25", "U31-40/30", "U41-50/40"), emittedText());
    }

    @Test
    void snapshotWhileLiveIsIgnored() {
        BookSync s = futures();
        s.onUpdate(fut(21, 30, 20));
        s.onSnapshot(snap(25));
        s.onSnapshot(snap(28));
        s.onUpdate(fut(31, 40, 30));
        assertEquals(List.of("S25", "U21-30/25", "U31-40/30"), emittedText());
        assertEquals(1, s.ignoredSnapshots());
    }

    @Test
    void resetStartsOverFromSyncing() {
        BookSync s = futures();
        s.onUpdate(fut(21, 30, 20));
        s.onSnapshot(snap(25));
        s.reset();
        assertEquals(BookState.SYNCING, s.state());
        s.onUpdate(fut(21, 30, 20));
        assertEquals(2, emitted.size());
        s.onSnapshot(snap(25));
        assertEquals(List.of("S25", "U21-30/25", "S25", "U21-30/25"), emittedText());
        assertEquals(List.of(), broken);
    }
}
