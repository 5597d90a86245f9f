// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.shell;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.replay.internal.FilePaths;
import org.tradeengine.feed.replay.internal.replay.BookReplay;

/** {@code te:replay}: the {@code bin/replay} CLI inside the Karaf shell, same options and output. */
@Service
@Command(scope = "te", name = "replay", description = "Replays recordings through the venue's sync rules into an order book"
        + " and prints the final book as one JSON line per instrument")
public class ReplayCommand implements Action {

    @Reference
    OrderBookFactory books;

    @Option(name = "--venue", aliases = "-v", required = true, description = "binance-futures, binance-spot or kraken-futures")
    String venue;

    @Option(name = "--top", aliases = "-n", description = "Levels per side to print (default 10)")
    int top = 10;

    @Option(name = "--instrument", aliases = "-i", description = "Print only this instrument's book (venue symbol, e.g."
            + " PI_ETHUSD); default: every instrument in the files")
    String instrument;

    @Argument(index = 0, name = "files", required = true, multiValued = true,
            description = "Recording files, replayed in order as one stream (relative to karaf.home)")
    @Completion(FileCompleter.class)
    List<String> files;

    @Override
    public Object execute() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Venue v;
        try {
            v = BookReplay.parseVenue(venue);
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            return null;
        }
        if (top < 1) {
            err.println("replay: --top must be a positive whole number, not " + top);
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            Path p = FilePaths.resolve(f);
            if (!Files.isRegularFile(p)) {
                err.println("replay: no such file: " + p);
                return null;
            }
            paths.add(p);
        }
        BookReplay replay = new BookReplay(v, books, m -> err.println("replay: " + m));
        replay.run(paths);
        if (instrument != null && !replay.holds(instrument)) {
            err.println("replay: no instrument " + instrument + " in the files");
            return null;
        }
        replay.jsonLines(top, instrument).forEach(out::println);
        return null;
    }
}
