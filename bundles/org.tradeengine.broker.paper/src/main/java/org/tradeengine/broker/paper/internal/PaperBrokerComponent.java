// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
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
import org.tradeengine.support.Placeholders;

/**
 * The paper broker as a service: a {@link Broker} with {@code venue=PAPER} that is also a {@link BookObserver}, so
 * the engine shows it every book it applies and it matches its simulated orders there. Runs with defaults when
 * {@code etc/org.tradeengine.broker.paper.cfg} does not exist; a change of the file takes effect in place (open
 * orders and positions are kept). The simulated venue keeps its ledger in {@code ledger.file} and restores itself
 * from it at start. Also registered under its own class, for the {@code te:paper} command of this bundle.
 */
@Component(service = {Broker.class, BookObserver.class, PaperBrokerComponent.class},
        configurationPid = PaperBrokerComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        property = Broker.PROPERTY_VENUE + "=PAPER")
@Designate(ocd = PaperBrokerComponent.Config.class)
public final class PaperBrokerComponent implements Broker, BookObserver {

    /** The configuration PID. */
    public static final String PID = "org.tradeengine.broker.paper";
    /** Where the ledger is kept unless {@code ledger.file} says otherwise. */
    public static final String DEFAULT_LEDGER_FILE = "${karaf.data}/paper/ledger.log";

    /**
     * Paper broker configuration ({@code etc/org.tradeengine.broker.paper.cfg}, optional). Method names follow the
     * Declarative Services mapping to keys: {@code _} is a dot and {@code __} an underscore, so
     * {@code fee_BINANCE__FUTURES_maker} is the key {@code fee.BINANCE_FUTURES.maker}.
     */
    @ObjectClassDefinition(name = "Trade Engine paper broker",
            description = "Simulated matching against the live or replayed book: latency and fee rates per venue."
                    + " Rates are fractions of the notional (0.0005 = 5 bp), parsed exactly. The venue keeps a durable"
                    + " ledger of its events and restores positions and open orders from it at start.")
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

        /** @return the ledger file, or empty for memory only */
        @AttributeDefinition(name = "Ledger file", description = "The simulated venue's append-only log of every"
                + " ACCEPTED, FILL, CANCELLED and REJECTED, forced to disk before the event is delivered; positions,"
                + " open orders and client order ids are restored from it at start. ${karaf.data} and other ${property}"
                + " placeholders are expanded. Empty: memory only, nothing survives a restart. A change takes effect"
                + " at the next start of the bundle")
        String ledger_file() default DEFAULT_LEDGER_FILE;
    }

    private static final Logger logger = LoggerFactory.getLogger(PaperBrokerComponent.class);
    private final UnaryOperator<String> properties;
    private final PaperBroker broker;

    /**
     * Starts the simulated venue and restores it from its ledger. A bad configuration value is replaced by its
     * default with one warning; a ledger that cannot be read or written never stops it (see {@link PaperLedger}).
     *
     * @param config the configuration (defaults without a file)
     * @param context the bundle context, for {@code ${property}} placeholders in {@code ledger.file}
     */
    @Activate
    public PaperBrokerComponent(Config config, BundleContext context) {
        this(config, context::getProperty);
    }

    /**
     * @param config the configuration
     * @param properties framework properties for placeholders (system properties are asked next)
     */
    PaperBrokerComponent(Config config, UnaryOperator<String> properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
        PaperSettings settings = settings(config);
        Path ledger = ledgerFile(config, properties);
        this.broker = new PaperBroker(settings, ledger);
        if (ledger == null) {
            logger.info("Paper broker: ledger.file is empty: orders, fills and positions are kept in memory only and"
                    + " do not survive a restart");
        }
        logger.info("Paper broker ready: latency {} ms, fees {}, ledger {}", settings.latencyNanos() / 1_000_000,
                settings.fees(), ledger == null ? "in memory only" : ledger);
    }

    /**
     * Applies a changed configuration without losing open orders or positions. A new {@code ledger.file} takes effect
     * at the next start (a warning says so).
     *
     * @param config the new configuration
     */
    @Modified
    public void modified(Config config) {
        PaperSettings settings = settings(config);
        broker.update(settings);
        Path wanted = ledgerFile(config, properties);
        if (!Objects.equals(wanted, broker.ledgerFile())) {
            logger.warn("etc/{}.cfg: ledger.file is now {}, but the paper broker keeps its ledger {} until the bundle"
                    + " restarts (bundle:restart {})", PID, wanted == null ? "empty (memory only)" : wanted,
                    broker.ledgerFile() == null ? "in memory" : broker.ledgerFile(), PID);
        }
        logger.info("Paper broker reconfigured: latency {} ms, fees {}", settings.latencyNanos() / 1_000_000,
                settings.fees());
    }

    /** Releases the ledger file. */
    @Deactivate
    public void deactivate() {
        broker.close();
    }

    /** @return the ledger, what was restored, open orders and positions (for {@code te:paper}) */
    public PaperBroker.Status status() {
        return broker.status();
    }

    /** @return the ledger file with placeholders expanded, absolute; null when {@code ledger.file} is empty */
    static Path ledgerFile(Config config, UnaryOperator<String> properties) {
        String text = config.ledger_file();
        if (text == null || text.isBlank()) {
            return null;
        }
        String expanded = expand(text.trim(), properties);
        try {
            return Path.of(expanded).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            String fallback = expand(DEFAULT_LEDGER_FILE, properties);
            logger.warn("etc/{}.cfg: ledger.file = '{}' is not a valid path ({}); using {}", PID, expanded,
                    e.getMessage(), fallback);
            return Path.of(fallback).toAbsolutePath().normalize();
        }
    }

    /** Replaces {@code ${name}} by the framework or system property; an unknown one is left as it is (and warned). */
    static String expand(String value, UnaryOperator<String> properties) {
        return Placeholders.expand(value, Placeholders.orSystemProperty(properties), name -> {
            logger.warn("etc/{}.cfg: no property {} for ledger.file '{}'; kept literally", PID, name, value);
            return null;
        });
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
