// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;

/**
 * The built distribution as an operator runs it (bin/start, bin/client, bin/stop), not inside Pax Exam: the kill
 * switch latches HALTED, the whole distribution is stopped and started again, and it comes back HALTED with the same
 * reason, until a reset with a reason. Runs on a copy of the distribution with its own SSH and JMX ports.
 */
public class DistributionRestartIT {

    private static final Duration LONG = Duration.ofMinutes(3);
    private static final String SSH_PORT = "8193";

    private Path home;
    private String database;

    @After
    public void stop() throws Exception {
        if (home != null) {
            run(Duration.ofSeconds(60), "bin/stop");
            Poll.until("the distribution's JVM gone", LONG, this::karafProcesses, n -> n == 0L);
        }
        if (database != null) {
            try (Connection c = postgres("postgres"); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    public void aLatchedHaltSurvivesAStopAndStartOfTheDistribution() throws Exception {
        home = copyDistribution();
        run(Duration.ofSeconds(60), "bin/start");
        String first = Poll.until("the console with the trading desk", LONG, () -> client("te:trading"),
                out -> out.contains("Trading ACTIVE"));
        assertTrue(first, first.contains("first start"));

        client("te:kill \"restart test: operator pressed the kill switch\"");
        Poll.until("HALTED and flat", LONG, () -> client("te:trading"),
                out -> out.contains("Trading HALTED") && !out.contains("flattening"));

        run(Duration.ofSeconds(90), "bin/stop");
        // bin/status says "Not Running" while the old JVM still shuts down and holds the instance's lock: wait for
        // the process itself to be gone
        Poll.until("the distribution's JVM gone", LONG, this::karafProcesses, n -> n == 0L);
        run(Duration.ofSeconds(60), "bin/start");
        String again = Poll.until("the console back after the restart", LONG, () -> client("te:trading"),
                out -> out.contains("Trading "));
        assertTrue("still HALTED after the restart:\n" + again, again.contains("Trading HALTED"));
        assertTrue(again, again.contains("restart test: operator pressed the kill switch"));

        String reset = client("te:reset \"restart test done\"");
        assertTrue(reset, reset.contains("Trading ACTIVE"));
    }

    /**
     * The same with the distribution configured for PostgreSQL through etc/ and a position open: after a stop, the
     * loss of the desk's state file and a start, the latched HALTED and the position come back from PostgreSQL,
     * reconciled with the paper broker (whose own ledger kept the position, as a venue would).
     */
    @Test
    public void aPositionAndALatchedHaltComeBackFromPostgresqlAfterAStopAndStart() throws Exception {
        database = "te_it_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = postgres("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        home = copyDistribution();
        Path ds = home.resolve("etc/org.ops4j.datasource-tradeengine.cfg");
        Files.writeString(ds, "osgi.jdbc.driver.name = PostgreSQL JDBC Driver\ndataSourceName = tradeengine\n"
                + "url = jdbc:postgresql://127.0.0.1:5432/" + database + "?connectTimeout=5&socketTimeout=30\n"
                + "user = postgres\npassword = ${env:TE_DB_PASSWORD}\npool = hikari\n"
                + "hikari.initializationFailTimeout = -1\n", StandardCharsets.UTF_8);
        replayKey("speed", "10");
        run(Duration.ofSeconds(60), "bin/start");
        Poll.until("the desk restored from PostgreSQL and reconciled", LONG, () -> client("te:trading"),
                out -> out.contains("reconciled with PAPER"));

        List<String> open = holdWithAPositionOpen();
        client("te:halt \"restart test: halted with a position\"");
        Poll.until("the journal to write everything", LONG, () -> client("te:journal"),
                out -> out.contains("database UP, backlog 0"));

        run(Duration.ofSeconds(90), "bin/stop");
        Poll.until("the distribution's JVM gone", LONG, this::karafProcesses, n -> n == 0L);
        Files.delete(home.resolve("data/trading/state.json")); // what comes back must come from PostgreSQL
        run(Duration.ofSeconds(60), "bin/start");

        String again = Poll.until("the restarted desk restored and reconciled", LONG, () -> client("te:trading"),
                out -> out.contains("reconciled with PAPER"));
        assertTrue("still HALTED after the restart:\n" + again, again.contains("Trading HALTED"));
        assertTrue(again, again.contains("restart test: halted with a position"));
        assertFalse("no reconciliation difference:\n" + again, again.contains("found differences"));
        assertEquals(open, positionRows(client("te:positions")));
        try (Connection c = postgres(database); Statement st = c.createStatement();
                ResultSet r = st.executeQuery("SELECT COUNT(*) FROM trading_state_change WHERE to_state = 'HALTED'")) {
            assertTrue(r.next() && r.getLong(1) >= 1);
        }
    }

    /** Lets the replays run until the desk holds a position, then holds them (no book: no exit) with it open. */
    private List<String> holdWithAPositionOpen() throws IOException {
        for (int attempt = 0; attempt < 10; attempt++) {
            replayKey("startDelayMillis", "0");
            Poll.until("a position", LONG, () -> positionRows(client("te:positions")), rows -> !rows.isEmpty());
            replayKey("startDelayMillis", "3600000");
            // fileinstall applies the change within a second or two; then no book moves the position any more
            List<String> first = Poll.until("the replays held", LONG, () -> {
                List<String> a = positionRows(client("te:positions"));
                sleep(3_000);
                return a.equals(positionRows(client("te:positions"))) ? a : null;
            }, rows -> true);
            if (!first.isEmpty()) {
                return first;
            }
        }
        throw new AssertionError("no position stayed open while the replays were held");
    }

    /** Sets a key in both replay configurations in etc/ (fileinstall restarts the feeds with it). */
    private void replayKey(String key, String value) throws IOException {
        for (String name : List.of("etc/org.tradeengine.feed.replay-btcusdt-perp.cfg",
                "etc/org.tradeengine.feed.replay-btcusdt-spot.cfg")) {
            Path f = home.resolve(name);
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.matches("\\s*" + key + "\\s*=.*")) {
                    lines.add(line);
                }
            }
            lines.add(key + " = " + value);
            Files.write(f, lines, StandardCharsets.UTF_8);
        }
    }

    /** The te:positions rows: instrument, quantity, entry, opened, correlation (mark and P&L move with the book). */
    private static List<String> positionRows(String out) {
        List<String> rows = new ArrayList<>();
        for (String line : out.split("\\R")) {
            String[] cells = line.split("\\|");
            if (cells.length >= 9 && cells[0].contains(".BINANCE")) {
                rows.add(cells[0].strip() + " " + cells[1].strip() + " @ " + cells[2].strip() + " " + cells[7].strip() + " "
                        + cells[8].strip());
            }
        }
        return rows;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Connection postgres(String db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/" + db, p);
    }

    private long karafProcesses() {
        String marker = home.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(marker)
                && c.contains("org.apache.karaf.main.Main")).orElse(false)).count();
    }

    private Path copyDistribution() throws IOException {
        Path source = Paths.get(System.getProperty("te.assembly.dir", "target/assembly"));
        Path target = Paths.get(System.getProperty("te.exam.dir", "target/exam")).resolveSibling("restart-it");
        deleteTree(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        replace(target.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + SSH_PORT);
        replace(target.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort = 1099", "rmiRegistryPort = 1193");
        replace(target.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort = 44444", "rmiServerPort = 44493");
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(from + " in " + file, text.contains(from));
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>();
            files.forEach(all::add);
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.delete(all.get(i));
            }
        }
    }

    /** Runs a console command through bin/client; the client keeps running while its stdin is open, as it needs. */
    private String client(String command) {
        return run(Duration.ofSeconds(60), "bin/client", "-a", SSH_PORT, "-u", "karaf", "-p", "karaf", "-r", "3", command);
    }

    private String run(Duration timeout, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, home.resolve(command[0]).toString());
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
            pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            OutputStream stdin = p.getOutputStream(); // left open until the process ends
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), out), "itest-process-output");
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
            reader.join(5_000);
            stdin.close();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended
        }
    }
}
