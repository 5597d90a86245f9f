// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one emulator by hand until killed:
 * {@code java -cp … org.tradeengine.emulator.EmulatorMain --venue binance-futures --port 0 --speed 1}.
 * Prints {@code port=<n>} on the first line, then the base URIs.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    /** @param args {@code --venue binance-futures|binance-futures-cryptofeed|binance-us|kraken-futures --port N --speed N [--no-loop]} */
    public static void main(String[] args) throws InterruptedException {
        EmulatedVenue venue = EmulatedVenue.BINANCE_FUTURES;
        EmulatorOptions options = EmulatorOptions.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--venue" -> venue = EmulatedVenue.parse(value(args, ++i)).orElseThrow(() ->
                            new IllegalArgumentException("unknown venue; expected one of "
                                    + Arrays.stream(EmulatedVenue.values()).map(EmulatedVenue::cliName).toList()));
                    case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i)));
                    case "--speed" -> options = options.withSpeed(Integer.parseInt(value(args, ++i)));
                    case "--no-loop" -> options = options.withLoop(false);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            usage(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        VenueEmulator emu = VenueEmulator.create(venue, options).start();
        Runtime.getRuntime().addShutdownHook(new Thread(emu::close, "emulator-shutdown"));
        System.out.println("port=" + emu.port());
        System.out.println("venue=" + venue.cliName() + " symbols=" + emu.symbols());
        System.out.println("ws=" + emu.wsBase() + " rest=" + emu.restBase() + " control=" + emu.restBase()
                + "/_emulator/status");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value after " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage(PrintStream out, String problem) {
        out.println("emulator: " + problem);
        out.println("usage: EmulatorMain --venue binance-futures|binance-futures-cryptofeed|binance-us|kraken-futures"
                + " [--port N] [--speed N] [--no-loop]");
    }
}
