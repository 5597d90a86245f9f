// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookView;
import org.tradeengine.api.broker.BookObserver;
import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Venue;

/**
 * The paper broker as a service: a {@link Broker} with {@code venue=PAPER} that is also a {@link BookObserver}, so
 * the engine shows it every book it applies and it matches its simulated orders there. Runs with defaults when
 * {@code etc/org.tradeengine.broker.paper.cfg} does not exist; a change of the file takes effect in place (open
 * orders and positions are kept).
 */
@Component(service = {Broker.class, BookObserver.class}, configurationPid = PaperBrokerComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        property = Broker.PROPERTY_VENUE + "=PAPER")
@Designate(ocd = PaperBrokerComponent.Config.class)
public final class PaperBrokerComponent implements Broker, BookObserver {

    /** The configuration PID. */
    public static final String PID = "org.tradeengine.broker.paper";

    /**
     * Paper broker configuration ({@code etc/org.tradeengine.broker.paper.cfg}, optional). Method names follow the
     * Declarative Services mapping to keys: {@code _} is a dot and {@code __} an underscore, so
     * {@code fee_BINANCE__FUTURES_maker} is the key {@code fee.BINANCE_FUTURES.maker}.
     */
    @ObjectClassDefinition(name = "Trade Engine paper broker",
            description = "Simulated matching against the live or replayed book: latency and fee rates per venue."
                    + " Rates are fractions of the notional (0.0005 = 5 bp), parsed exactly.")
    public @interface Config {
        /** @return the latency */
        @AttributeDefinition(name = "Latency (ms)", description = "Time from an order's creation to its arrival at the"
                + " simulated venue; it trades against the first book at or after that time (0..60000)")
        long latency_ms() default PaperSettings.DEFAULT_LATENCY_MS;

        /** @return rate */
        @AttributeDefinition(name = "Binance futures maker fee", description = "Fraction of the notional")
        String fee_BINANCE__FUTURES_maker() default PaperSettings.FUTURES_MAKER;

        /** @return rate */
        @AttributeDefinition(name = "Binance futures taker fee", description = "Fraction of the notional")
        String fee_BINANCE__FUTURES_taker() default PaperSettings.FUTURES_TAKER;

        /** @return rate */
        @AttributeDefinition(name = "Binance spot maker fee", description = "Fraction of the notional")
        String fee_BINANCE__SPOT_maker() default PaperSettings.SPOT_RATE;

        /** @return rate */
        @AttributeDefinition(name = "Binance spot taker fee", description = "Fraction of the notional")
        String fee_BINANCE__SPOT_taker() default PaperSettings.SPOT_RATE;

        /** @return rate */
        @AttributeDefinition(name = "Binance.US maker fee", description = "Fraction of the notional")
        String fee_BINANCE__US_maker() default PaperSettings.SPOT_RATE;

        /** @return rate */
        @AttributeDefinition(name = "Binance.US taker fee", description = "Fraction of the notional")
        String fee_BINANCE__US_taker() default PaperSettings.SPOT_RATE;

        /** @return rate */
        @AttributeDefinition(name = "Kraken Futures maker fee", description = "Fraction of the notional")
        String fee_KRAKEN__FUTURES_maker() default PaperSettings.KRAKEN_MAKER;

        /** @return rate */
        @AttributeDefinition(name = "Kraken Futures taker fee", description = "Fraction of the notional")
        String fee_KRAKEN__FUTURES_taker() default PaperSettings.KRAKEN_TAKER;

        /** @return rate */
        @AttributeDefinition(name = "PAPER instruments maker fee", description = "Fraction of the notional, for"
                + " instruments whose venue is PAPER itself")
        String fee_PAPER_maker() default PaperSettings.FUTURES_MAKER;

        /** @return rate */
        @AttributeDefinition(name = "PAPER instruments taker fee", description = "Fraction of the notional, for"
                + " instruments whose venue is PAPER itself")
        String fee_PAPER_taker() default PaperSettings.FUTURES_TAKER;
    }

    private final Logger logger = LoggerFactory.getLogger(PaperBrokerComponent.class);
    private final PaperBroker broker;

    /**
     * Starts the simulated venue. A bad configuration value is replaced by its default with one warning.
     *
     * @param config the configuration (defaults without a file)
     */
    @Activate
    public PaperBrokerComponent(Config config) {
        PaperSettings settings = settings(config);
        this.broker = new PaperBroker(settings);
        logger.info("Paper broker ready: latency {} ms, fees {}", settings.latencyNanos() / 1_000_000, settings.fees());
    }

    /**
     * Applies a changed configuration without losing open orders or positions.
     *
     * @param config the new configuration
     */
    @Modified
    public void modified(Config config) {
        PaperSettings settings = settings(config);
        broker.update(settings);
        logger.info("Paper broker reconfigured: latency {} ms, fees {}", settings.latencyNanos() / 1_000_000,
                settings.fees());
    }

    private PaperSettings settings(Config config) {
        PaperSettings settings = PaperSettings.of(config);
        for (String problem : settings.problems()) {
            logger.warn("etc/{}.cfg: {}", PID, problem);
        }
        return settings;
    }

    @Override
    public Venue venue() {
        return broker.venue();
    }

    @Override
    public boolean isLive() {
        return broker.isLive();
    }

    @Override
    public CompletionStage<OrderEvent> submit(OrderIntent intent) {
        return broker.submit(intent);
    }

    @Override
    public CompletionStage<OrderEvent> cancel(String clientOrderId) {
        return broker.cancel(clientOrderId);
    }

    @Override
    public List<OpenOrder> openOrders() {
        return broker.openOrders();
    }

    @Override
    public Map<InstrumentId, BigDecimal> positions() {
        return broker.positions();
    }

    @Override
    public void addListener(Consumer<OrderEvent> listener) {
        broker.addListener(listener);
    }

    @Override
    public void removeListener(Consumer<OrderEvent> listener) {
        broker.removeListener(listener);
    }

    @Override
    public void onBook(BookView book, long localTimeNanos) {
        broker.onBook(book, localTimeNanos);
    }
}
