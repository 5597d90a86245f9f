// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.replay.internal.replay.BookReplay;

/**
 * {@code replay --venue binance-futures|binance-spot|kraken-futures [--top N] [--instrument SYMBOL] FILE...}: replays
 * recordings as one stream, as fast as possible, through the venue's synchronisation rules into an order book per
 * instrument, and prints each final book as one JSON line (only the named instrument's with {@code --instrument}).
 * Exit 0 if every book ends LIVE, 1 if the data broke the venue's rules or was malformed (or the named instrument is
 * not in the files), 2 for usage errors. Runs on a plain class path (api, orderbook, feed.replay jars): no logging, no
 * OSGi.
 */
public final class ReplayMain {

    static final String USAGE = "usage: replay --venue " + String.join("|", venueNames()) + " [--top N] [--instrument SYMBOL] FILE...";
    private static final int DEFAULT_TOP = 10;

    private ReplayMain() {
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @param args the command line
     * @param out where the JSON lines go
     * @param err where errors and usage go
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Args parsed;
        try {
            parsed = Args.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (parsed == null) {
            out.println(USAGE);
            return 0;
        }
        for (Path file : parsed.files) {
            if (!Files.isRegularFile(file)) {
                err.println("replay: no such file: " + file);
                return 2;
            }
        }
        OrderBookFactory factory = loadFactory();
        if (factory == null) {
            err.println("replay: no OrderBookFactory on the class path (is the orderbook jar missing?)");
            return 2;
        }
        BookReplay replay = new BookReplay(parsed.venue, factory, m -> err.println("replay: " + m));
        replay.run(parsed.files);
        if (parsed.instrument != null && !replay.holds(parsed.instrument)) {
            err.println("replay: no instrument " + parsed.instrument + " in the files");
            return 1;
        }
        replay.jsonLines(parsed.top, parsed.instrument).forEach(out::println);
        out.flush();
        return replay.exitCode();
    }

    private static OrderBookFactory loadFactory() {
        Iterator<OrderBookFactory> it = ServiceLoader.load(OrderBookFactory.class, ReplayMain.class.getClassLoader()).iterator();
        return it.hasNext() ? it.next() : null;
    }

    private static List<String> venueNames() {
        List<String> names = new ArrayList<>();
        BookReplay.VENUES.forEach(v -> names.add(v.cliName()));
        return names;
    }

    /** The parsed command line. */
    static final class Args {
        Venue venue;
        int top = DEFAULT_TOP;
        String instrument;
        final List<Path> files = new ArrayList<>();

        /** @return the arguments, or null if help was asked for */
        static Args parse(String[] args) {
            Args a = new Args();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return null;
                } else if (arg.equals("--venue") || arg.startsWith("--venue=")) {
                    a.venue = BookReplay.parseVenue(value(args, arg.equals("--venue") ? ++i : -1, arg));
                } else if (arg.equals("--top") || arg.startsWith("--top=")) {
                    a.top = top(value(args, arg.equals("--top") ? ++i : -1, arg));
                } else if (arg.equals("--instrument") || arg.startsWith("--instrument=")) {
                    a.instrument = instrument(value(args, arg.equals("--instrument") ? ++i : -1, arg));
                } else if (arg.startsWith("-") && arg.length() > 1) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else {
                    a.files.add(Path.of(arg));
                }
            }
            if (a.venue == null) {
                throw new IllegalArgumentException("--venue is required (valid: " + BookReplay.validVenues() + ")");
            }
            if (a.files.isEmpty()) {
                throw new IllegalArgumentException("no FILE given");
            }
            return a;
        }

        private static String value(String[] args, int i, String arg) {
            if (i < 0) {
                return arg.substring(arg.indexOf('=') + 1);
            }
            if (i >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            return args[i];
        }

        private static String instrument(String text) {
            String t = text.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("--instrument needs a venue symbol, e.g. PI_ETHUSD");
            }
            return t;
        }

        private static int top(String text) {
            try {
                int n = Integer.parseInt(text);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--top must be a positive whole number, not '" + text + "'");
        }
    }
}
