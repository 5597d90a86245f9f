// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.feed.RawMessageSink;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

/**
 * The recorder as a {@link RawMessageSink} service: every live feed hands it each raw message it receives, and it
 * writes them to hourly gzip files that {@code bin/replay} and the replay feed read. Runs only while
 * {@code etc/org.tradeengine.feed.recorder.cfg} exists; a change of the file restarts it (files of the current
 * hour continue as numbered siblings).
 */
@Component(service = {RawMessageSink.class, RecorderStatusSource.class}, configurationPid = RecorderComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = RecorderComponent.Config.class)
public final class RecorderComponent implements RawMessageSink, RecorderStatusSource {

    /** The configuration PID. */
    public static final String PID = "org.tradeengine.feed.recorder";

    /** Recorder configuration ({@code etc/org.tradeengine.feed.recorder.cfg}). */
    @ObjectClassDefinition(name = "Trade Engine raw message recorder",
            description = "Records every raw venue message of the live feeds to hourly gzip files (hftbacktest format)")
    public @interface Config {
        /** @return the folder */
        @AttributeDefinition(name = "Folder", description = "Where the recordings go: <dir>/<feed id>/<symbol>_<yyyyMMdd>_<HH>.gz;"
                + " ${karaf.data} and ${karaf.home} are replaced, a relative path resolves against karaf.home")
        String dir() default "${karaf.data}/recordings";

        /** @return the feeds */
        @AttributeDefinition(name = "Feeds", description = "Feed ids to record, comma separated; empty = every feed",
                required = false)
        String[] feeds() default {};

        /** @return the capacity */
        @AttributeDefinition(name = "Queue capacity", description = "Most messages waiting for the writer thread;"
                + " beyond it messages are dropped and counted")
        int queue_capacity() default 100_000;

        /** @return the byte budget */
        @AttributeDefinition(name = "Queue bytes", description = "Most message bytes waiting for the writer thread;"
                + " beyond it messages are dropped and counted")
        long queue_maxBytes() default 256L * 1024 * 1024;

        /** @return the rotation */
        @AttributeDefinition(name = "Rotation", description = "One file per UTC hour of the receive time",
                options = @Option(label = "Hourly", value = "hourly"))
        String rotate() default "hourly";
    }

    private final Logger logger = LoggerFactory.getLogger(RecorderComponent.class);
    private final Recorder recorder;

    /**
     * Checks the configuration and starts the writer thread.
     *
     * @param config the configuration
     * @throws IllegalArgumentException if the configuration is wrong (the message says which key)
     */
    @Activate
    public RecorderComponent(Config config) {
        RecorderSettings settings = RecorderSettings.of(config);
        this.recorder = new Recorder(settings, Clock.systemUTC());
        recorder.start();
        logger.info("Recorder writes raw messages of {} to {} (hourly gzip files, queue {} messages / {} bytes)",
                settings.feeds().isEmpty() ? "every feed" : "feeds " + String.join(", ", settings.feeds()), settings.dir(),
                settings.queueCapacity(), settings.queueMaxBytes());
    }

    /** Writes what is queued and finishes every file. */
    @Deactivate
    public void deactivate() {
        recorder.close();
        RecorderStatus s = recorder.status();
        logger.info("Recorder stopped: {} messages in {} files, {} dropped (queue full), {} lost to errors",
                s.messagesWritten(), s.filesOpened(), s.droppedQueueFull(), s.droppedErrors());
    }

    @Override
    public void onRawMessage(String feedId, Venue venue, InstrumentId instrument, long localTimeNanos, byte[] message,
            int length) {
        recorder.onRawMessage(feedId, venue, instrument, localTimeNanos, message, length);
    }

    @Override
    public RecorderStatus status() {
        return recorder.status();
    }
}
