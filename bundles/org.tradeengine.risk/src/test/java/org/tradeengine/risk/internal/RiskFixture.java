// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.risk.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.rules.internal.RuleServiceImpl;

/** The real rule service over a copy of the repository's rules folder, and facts for the risk rules. */
final class RiskFixture {

    /** The repository's own rules folder, seen from this module's folder (where Maven runs the tests). */
    static final Path REPO_RULES = Path.of("../../rules").toAbsolutePath().normalize();
    static final Instant AT = Instant.parse("2025-01-06T12:00:00Z");

    private RiskFixture() {
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

    /** Starts the rule service as SCR would, on a rules folder, without watching in the tests' time. */
    static RuleServiceImpl startRules(Path rulesDir) {
        RuleServiceImpl service = new RuleServiceImpl(new RuleServiceImpl.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RuleServiceImpl.Config.class;
            }

            @Override
            public String rules_dir() {
                return rulesDir.toString();
            }

            @Override
            public long debounce_ms() {
                return 3_600_000;
            }

            @Override
            public int history_size() {
                return 100;
            }
        });
        service.start();
        return service;
    }

    static InstrumentId perp(String symbol) {
        return InstrumentId.parse(symbol + "-PERP.BINANCE_FUTURES");
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    static AccountMark account(String equity, String peak, String daily, TradingState state) {
        return new AccountMark(d(equity), d(peak), d(daily), d(equity).subtract(d(peak)), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, state, AT);
    }

    static AccountMark healthy() {
        return account("40000", "40000", "0", TradingState.ACTIVE);
    }

    static OrderCheck order(InstrumentId id, Side side, String qty, String price, String openOrders, AccountMark account,
            boolean live, long dataAge) {
        InstrumentSpec spec = InstrumentSpecs.lookup(id);
        OrderIntent intent = new OrderIntent("t-1", null, id, side, OrderType.LIMIT, Quantity.parse(qty, spec.qtyScale()),
                Price.parse(price, spec.priceScale()), false, "test", AT);
        return new OrderCheck(intent, d(price), BigDecimal.ZERO, d(openOrders), account, live, dataAge, 0, 0);
    }

    static OrderCheck buy(InstrumentId id, String qty, AccountMark account) {
        return order(id, Side.BUY, qty, "60000", "0", account, true, 0);
    }

    /** A long position marked at its entry price. */
    static PositionMark position(InstrumentId id, String qty, long ageMillis) {
        BigDecimal q = d(qty);
        BigDecimal price = d("60000");
        return new PositionMark(id, q, price, price, q.abs().multiply(price), BigDecimal.ZERO, d("0.0000"), ageMillis, true);
    }
}
