// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.feed.recorder.internal.RecorderComponent;
import org.tradeengine.feed.recorder.internal.RecorderStatus;
import org.tradeengine.feed.recorder.internal.RecorderStatusSource;

/** {@code te:recorder}: what the raw-message recorder has written, dropped and has open now. */
@Service
@Command(scope = "te", name = "recorder", description = "Shows the raw-message recorder: messages, bytes and files written,"
        + " drops, errors and the files open now")
public class RecorderCommand implements Action {

    @Reference(optional = true)
    RecorderStatusSource recorder;

    @Override
    public Object execute() {
        print(recorder == null ? null : recorder.status(), System.out);
        return null;
    }

    /**
     * Prints the status as a few lines and two tables.
     *
     * @param s the status, or null if the recorder is not running
     * @param out where to
     */
    static void print(RecorderStatus s, PrintStream out) {
        if (s == null) {
            out.println("Recorder not running: create etc/" + RecorderComponent.PID + ".cfg to record the live feeds' raw"
                    + " messages");
            return;
        }
        out.println("Recorder " + (s.running() ? "running" : "stopped") + ", writing to " + s.dir() + " (feeds: "
                + (s.feeds().isEmpty() ? "all" : String.join(", ", s.feeds())) + ")");
        out.println("Queue " + s.queued() + " / " + s.queueCapacity() + " messages, " + s.queuedBytes() + " / "
                + s.queueMaxBytes() + " bytes");
        out.println("Written " + s.messagesWritten() + " messages, " + s.bytesWritten() + " bytes, " + s.filesOpened()
                + " files; dropped " + s.droppedQueueFull() + " (queue full), lost " + s.droppedErrors() + " (errors); errors "
                + s.errors() + "; one-lined " + s.sanitized());
        if (!s.lastError().isEmpty()) {
            out.println("Last error: " + s.lastError());
        }
        ShellTable feeds = new ShellTable();
        feeds.column("Feed");
        feeds.column("Messages").alignRight();
        feeds.column("Bytes").alignRight();
        feeds.column("Dropped (queue full)").alignRight();
        feeds.column("Lost (errors)").alignRight();
        feeds.column("Errors").alignRight();
        for (RecorderStatus.Feed f : s.perFeed()) {
            feeds.addRow().addContent(f.feedId(), f.messages(), f.bytes(), f.droppedQueueFull(), f.droppedErrors(), f.errors());
        }
        feeds.print(out);
        ShellTable files = new ShellTable();
        files.column("Open file");
        files.column("Feed");
        files.column("Lines").alignRight();
        files.column("Bytes").alignRight();
        for (RecorderStatus.OpenFile f : s.openFiles()) {
            files.addRow().addContent(s.dir().relativize(f.file()), f.feedId(), f.lines(), f.bytes());
        }
        files.print(out);
    }
}
