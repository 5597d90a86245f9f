// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.time.Clock;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.broker.BookObserver;
import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.risk.RiskService;
import org.tradeengine.api.strategy.ExitService;
import org.tradeengine.api.strategy.SignalListener;
import org.tradeengine.api.trading.TradingDesk;

/**
 * The trading desk as a DS component: the engine calls it for every signal and every applied book event; brokers
 * (keyed by their {@code venue} property), the risk service and the exit service come and go without restarting it.
 */
@Component(service = {TradingDesk.class, SignalListener.class, BookObserver.class}, immediate = true,
        configurationPid = "org.tradeengine.trading")
@Designate(ocd = TradingDeskComponent.Config.class)
public final class TradingDeskComponent extends Desk {

    /** Desk configuration ({@code etc/org.tradeengine.trading.cfg}; defaults without a file). */
    @ObjectClassDefinition(name = "Trade Engine trading desk", description = "Order sizing, account, state file and kill switch")
    public @interface Config {
        /** @return capital */
        @AttributeDefinition(description = "Starting capital in the quote currency (exact decimal)")
        String capital() default DeskSettings.DEFAULT_CAPITAL;

        /** @return notional */
        @AttributeDefinition(description = "Notional of one entry: size = floor(notional / price) to the instrument's lot")
        String order_notional() default DeskSettings.DEFAULT_NOTIONAL;

        /** @return file */
        @AttributeDefinition(description = "Where the trading state (ACTIVE/REDUCING/HALTED, reason, by, since) is kept; "
                + "${name} is a system property")
        String state_file() default DeskSettings.DEFAULT_STATE_FILE;

        /** @return ms */
        @AttributeDefinition(description = "Kill switch: a cancel or close unanswered or not done after this many ms is sent again")
        long flatten_retry_ms() default DeskSettings.DEFAULT_RETRY_MS;

        /** @return size */
        @AttributeDefinition(description = "Fills, risk events and alerts kept for the shell")
        int history_size() default DeskSettings.DEFAULT_HISTORY;

        /** @return restore */
        @AttributeDefinition(description = "At start, restore the trading state, account, positions and open orders"
                + " from the audit journal and reconcile them with each broker before its first entry; entries wait"
                + " until then. false: start from the state file alone (no journal needed)")
        boolean restore_from_journal() default true;
    }

    private final Logger logger = LoggerFactory.getLogger(TradingDeskComponent.class);

    /**
     * Starts the desk.
     *
     * @param config its configuration
     */
    @Activate
    public TradingDeskComponent(Config config) {
        super(DeskSettings.resolve(config.capital(), config.order_notional(), config.state_file(), config.flatten_retry_ms(),
                config.history_size(), System::getProperty).withRestoreFromJournal(config.restore_from_journal()),
                Clock.systemUTC());
        start();
    }

    @Deactivate
    void deactivate() {
        close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindBroker(Broker broker, Map<String, Object> properties) {
        addBroker(broker, venueOf(broker, properties));
    }

    void unbindBroker(Broker broker, Map<String, Object> properties) {
        removeBroker(broker, venueOf(broker, properties));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRisk(RiskService service) {
        setRiskService(service);
    }

    void unbindRisk(RiskService service) {
        clearRiskService(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindExits(ExitService service) {
        setExitService(service);
    }

    void unbindExits(ExitService service) {
        clearExitService(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindJournal(org.tradeengine.api.audit.AuditJournal journal) {
        setJournal(journal);
    }

    void unbindJournal(org.tradeengine.api.audit.AuditJournal journal) {
        clearJournal(journal);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindQueries(AuditQueries queries) {
        setAuditQueries(queries);
    }

    void unbindQueries(AuditQueries queries) {
        clearAuditQueries(queries);
    }

    private Venue venueOf(Broker broker, Map<String, Object> properties) {
        Object v = properties.get(Broker.PROPERTY_VENUE);
        if (v != null) {
            try {
                return Venue.parse(v.toString());
            } catch (IllegalArgumentException e) {
                logger.warn("Broker service has a bad venue property ({}); using its venue() {}", e.getMessage(), broker.venue());
            }
        }
        return broker.venue();
    }
}
