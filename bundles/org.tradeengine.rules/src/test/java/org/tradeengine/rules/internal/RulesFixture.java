// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.rules.RuleSession;
import org.tradeengine.api.rules.RuleSet;
import org.tradeengine.api.strategy.EntrySignals;

/** Shared test helpers: a copy of the repository's rules folder, books, and firing rules. */
final class RulesFixture {

    /** The repository's own rules folder, seen from this module's folder (where Maven runs the tests). */
    static final Path REPO_RULES = Path.of("../../rules").toAbsolutePath().normalize();
    static final String IMBALANCE = "entry/imbalance.drl";
    static final InstrumentId FUTURES = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
    static final InstrumentId SPOT = InstrumentId.parse("BTCUSDT.BINANCE_SPOT");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private RulesFixture() {
    }

    /** Copies the repository's rules folder to {@code target/rules}. */
    static Path copyRules(Path target) throws IOException {
        Path dest = target.resolve("rules");
        try (Stream<Path> files = Files.walk(REPO_RULES)) {
            for (Path p : files.toList()) {
                Path to = dest.resolve(REPO_RULES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dest;
    }

    static RulesSettings settings(Path rulesDir, Path historyFile, Duration debounce) {
        return new RulesSettings(rulesDir, debounce, 500, historyFile);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces exactly one occurrence of {@code from}, failing if there is none. */
    static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        if (i < 0 || text.indexOf(from, i + 1) >= 0) {
            fail("'" + from + "' must occur exactly once in:\n" + text);
        }
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    /** The 1-based number of the first line containing {@code fragment}. */
    static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains '" + fragment + "'");
    }

    /** Polls until the condition holds; the watcher works on its own thread. */
    static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("still waiting after " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** A book with the given top-5 volumes (decimal text at the instrument's 3 quantity decimals). */
    static BookFeatures book(InstrumentId id, BookState state, String bidVolume, String askVolume) {
        long bid = FixedPoint.parse(bidVolume, 3);
        long ask = FixedPoint.parse(askVolume, 3);
        return new BookFeatures(id, state, 5, 1, 3, bid, ask, bid > 0 ? 600_000 : 0, ask > 0 ? 600_001 : 0, 1, 0, 0);
    }

    static BookFeatures live(String bidVolume, String askVolume) {
        return book(FUTURES, BookState.LIVE, bidVolume, askVolume);
    }

    /** Fires the rules on one book in a fresh session; returns e.g. {@code ["BUY imbalance-buy"]}. */
    static List<String> fire(RuleSet rules, BookFeatures book) {
        try (RuleSession session = rules.newSession()) {
            return fire(session, book);
        }
    }

    static List<String> fire(RuleSession session, BookFeatures book) {
        Signals signals = new Signals();
        session.setGlobal(EntrySignals.GLOBAL, signals);
        RuleSession.FactRef ref = session.insert(book);
        session.fireAllRules();
        session.delete(ref);
        return signals.calls;
    }

    /** Records the calls of entry rules. */
    static final class Signals implements EntrySignals {
        final List<String> calls = new ArrayList<>();

        @Override
        public void buy(BookFeatures features, String rule) {
            calls.add("BUY " + rule);
        }

        @Override
        public void sell(BookFeatures features, String rule) {
            calls.add("SELL " + rule);
        }
    }
}
