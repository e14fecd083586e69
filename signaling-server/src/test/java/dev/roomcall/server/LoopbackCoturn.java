package dev.roomcall.server;

import dev.roomcall.signaling.IceServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's coturn ({@code /usr/bin/turnserver}) on 127.0.0.1 and a free port, configured by a file (so the secret is
 * not on a command line) with {@code use-auth-secret}, and coturn's own test client {@code turnutils_uclient} to
 * ask it for allocations. Both come from the {@code coturn} package; without it this fails, it does not skip.
 */
final class LoopbackCoturn implements AutoCloseable {

    static final Path TURNSERVER = Path.of(System.getProperty("roomcall.turnserver", "/usr/bin/turnserver"));
    static final Path UCLIENT = Path.of(System.getProperty("roomcall.turnutils-uclient", "/usr/bin/turnutils_uclient"));
    static final String REALM = "roomcall.test";
    private static final String ADDRESS = "127.0.0.1";

    private final Process process;
    private final Path dir;
    private final Path log;
    private final int port;

    private LoopbackCoturn(Process process, Path dir, Path log, int port) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.port = port;
    }

    /** coturn with a minimal configuration: shared-secret credentials, and loopback peers allowed so relaying works. */
    static LoopbackCoturn start(String secret) throws IOException, InterruptedException {
        return launch(secret, List.of(
                "realm=" + REALM,
                "use-auth-secret",
                "fingerprint",
                "no-cli",
                // The test client's peers are relay addresses on loopback, which coturn refuses by default (and must,
                // in a deployment: see docs/deploy.md).
                "allow-loopback-peers"));
    }

    /**
     * coturn with a deployment's configuration file ({@code packaging/server/turnserver.conf}), moved onto loopback
     * and a free port: its addresses, ports, secret, certificates and log destination are replaced, everything else
     * (authentication, peer restrictions, quotas) is kept as shipped.
     */
    static LoopbackCoturn startWithDeploymentConfig(Path deploymentConfig, String secret) throws IOException, InterruptedException {
        List<String> kept = Files.readAllLines(deploymentConfig, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .filter(line -> REPLACED.stream().noneMatch(option -> line.equals(option) || line.startsWith(option + "=")))
                .toList();
        return launch(secret, kept);
    }

    /** Options of a deployment's file that a loopback test must set its own way. */
    private static final List<String> REPLACED = List.of("listening-port", "tls-listening-port", "listening-ip", "relay-ip",
            "external-ip", "static-auth-secret", "cert", "pkey", "syslog", "log-file", "pidfile", "userdb", "no-stdout-log");

    private static LoopbackCoturn launch(String secret, List<String> options) throws IOException, InterruptedException {
        for (Path tool : List.of(TURNSERVER, UCLIENT)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: install Debian's coturn package (apt-get install "
                        + "coturn), or point -Droomcall.turnserver= / -Droomcall.turnutils-uclient= at them");
            }
        }
        int port = freePort();
        Path dir = Files.createTempDirectory("roomcall-coturn-");
        Path config = dir.resolve("turnserver.conf");
        List<String> lines = new ArrayList<>(options);
        lines.addAll(List.of(
                "listening-ip=" + ADDRESS,
                "relay-ip=" + ADDRESS,
                "listening-port=" + port,
                "static-auth-secret=" + secret,
                "no-tls",
                "no-dtls",
                // Only with verbose logging does coturn log each allocation with its username, which the tests read.
                "verbose",
                "simple-log",
                "log-file=stdout",
                "pidfile=" + dir.resolve("turnserver.pid"),
                "userdb=" + dir.resolve("turndb"),
                ""));
        Files.writeString(config, String.join("\n", lines), StandardCharsets.UTF_8);
        Path log = dir.resolve("turnserver.log");
        Process process = new ProcessBuilder(TURNSERVER.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LoopbackCoturn coturn = new LoopbackCoturn(process, dir, log, port);
        try {
            coturn.awaitLog("UDP listener opened on: " + ADDRESS + ":" + port, Duration.ofSeconds(20));
        } catch (IOException | RuntimeException | Error e) {
            coturn.close();
            throw e;
        }
        return coturn;
    }

    /** Lines in which coturn said it did not understand its configuration. */
    List<String> configurationComplaints() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("Bad configuration format") || line.contains("Wrong address format")
                        || line.contains("ERROR:"))
                .toList();
    }

    /** {@code turn:127.0.0.1:PORT?transport=udp}, the URL a deployment would announce for this relay. */
    String url() {
        return "turn:" + ADDRESS + ":" + port + "?transport=udp";
    }

    /** What the test client printed and how it ended. */
    record Attempt(int exitCode, String output) {
        boolean allocated() {
            return exitCode == 0 && !output.contains("Cannot complete Allocation");
        }
    }

    /**
     * Two test clients allocate relays with these credentials and send a message to each other through them
     * ({@code turnutils_uclient -y}), as two browsers relaying a call would.
     */
    Attempt allocate(IceServer credentials) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "uclient-", ".log");
        Process client = new ProcessBuilder(UCLIENT.toString(), "-p", String.valueOf(port),
                "-u", credentials.username(), "-w", credentials.credential(), "-y", "-n", "1", ADDRESS)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("turnutils_uclient did not finish within 60 s:\n" + Files.readString(output)
                    + "\n--- turnserver:\n" + logTail());
        }
        return new Attempt(client.exitValue(), Files.readString(output));
    }

    /** Whether coturn logged a successful allocation for this username: its own word that it accepted them. */
    boolean allocatedFor(String username) throws IOException {
        String accepted = "user <" + username + ">: incoming packet ALLOCATE processed, success";
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().anyMatch(line -> line.contains(accepted));
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no turnserver log: " + e.getMessage() + ")";
        }
    }

    private void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.readAllLines(log, StandardCharsets.UTF_8).stream().noneMatch(line -> line.contains(text))) {
            if (!process.isAlive()) {
                throw new AssertionError("turnserver exited (" + process.exitValue() + ") before '" + text + "':\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("turnserver did not log '" + text + "' within " + timeout + ":\n" + logTail());
            }
            Thread.sleep(50);
        }
    }

    /** A port free for both TCP and UDP on loopback: turnserver listens on both. */
    private static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByName(ADDRESS);
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(loopback, 0));
                port = tcp.getLocalPort();
            }
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                return port;
            } catch (SocketException taken) {
                // Someone holds that UDP port: try another.
            }
        }
        throw new IOException("no port free for both TCP and UDP on " + ADDRESS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind harms nothing.
        }
    }
}
