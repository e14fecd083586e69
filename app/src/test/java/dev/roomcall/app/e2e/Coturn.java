package dev.roomcall.app.e2e;

import dev.roomcall.signaling.IceServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Debian's coturn ({@code /usr/bin/turnserver}) run by a test: no configuration file, a free port on this machine's
 * first non-loopback IPv4 address (libwebrtc gathers nothing on loopback), TURN REST credentials from a random shared
 * secret ({@code use-auth-secret}), its log in {@code target/e2e-logs/<name>.log}.
 */
final class Coturn implements AutoCloseable {
    private static final Path TURNSERVER = Path.of(System.getProperty("roomcall.turnserver", "/usr/bin/turnserver"));
    private static final String REALM = "roomcall.test";

    private final Process process;
    private final Path log;
    private final Path dir;
    private final String address;
    private final int port;
    private final String secret;

    private Coturn(Process process, Path log, Path dir, String address, int port, String secret) {
        this.process = process;
        this.log = log;
        this.dir = dir;
        this.address = address;
        this.port = port;
        this.secret = secret;
    }

    static Coturn start(String name) throws IOException, InterruptedException {
        if (!Files.isExecutable(TURNSERVER)) {
            throw new IllegalStateException(TURNSERVER + " is missing: install Debian's coturn package "
                    + "(apt-get install coturn), or point -Droomcall.turnserver= at a turnserver");
        }
        String address = firstNonLoopbackIpv4();
        int port = freePort(address);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        Path dir = Files.createTempDirectory("roomcall-coturn-");
        Path log = E2eDirs.logs().resolve(name + ".log");
        // --verbose: coturn logs each allocation only then, and the tests read that as proof of relaying.
        List<String> command = List.of(TURNSERVER.toString(), "-n", "--verbose",
                "--listening-ip=" + address, "--relay-ip=" + address, "--listening-port=" + port,
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=" + REALM,
                "--fingerprint", "--no-cli", "--no-tls", "--no-dtls",
                "--pidfile=" + dir.resolve("turnserver.pid"), "--userdb=" + dir.resolve("turndb"),
                "--log-file=stdout", "--simple-log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Coturn coturn = new Coturn(process, log, dir, address, port, secret);
        try {
            coturn.awaitLine("relay " + address + " initialization done", Duration.ofSeconds(20));
        } catch (RuntimeException | Error e) {
            coturn.close();
            throw e;
        }
        return coturn;
    }

    String address() {
        return address;
    }

    /** coturn's {@code static-auth-secret}, for a Roomcall server that makes the credentials itself. */
    String secret() {
        return secret;
    }

    /** {@code turn:ADDRESS:PORT?transport=udp} */
    String url() {
        return "turn:" + address + ":" + port + "?transport=udp";
    }

    /**
     * Credentials for a client given them directly (the app's --ice-server), in the TURN REST scheme coturn checks
     * under {@code use-auth-secret}: the username is the expiry time in Unix seconds (and a label), the credential is
     * base64(HMAC-SHA1(secret, username)).
     */
    IceServer restCredentials(Duration validFor) {
        String username = Instant.now().plus(validFor).getEpochSecond() + ":roomcall-e2e";
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String credential = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            return new IceServer(List.of(url()), username, credential);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** How many allocations coturn has logged so far: proof that media really went through it. */
    long allocations() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains("ALLOCATE processed, success")).count();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no coturn log: " + e.getMessage() + ")";
        }
    }

    private void awaitLine(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.readAllLines(log).stream().noneMatch(line -> line.contains(text))) {
            if (!process.isAlive()) {
                throw new AssertionError("turnserver exited (" + process.exitValue() + ") before '" + text + "':\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("turnserver did not print '" + text + "' within " + timeout + ":\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    static String firstNonLoopbackIpv4() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        throw new IllegalStateException("no non-loopback IPv4 address on this machine: libwebrtc gathers no candidates "
                + "on loopback, so a TURN relay there cannot be reached");
    }

    /** A port free for both TCP and UDP on {@code address} (turnserver listens on both). */
    private static int freePort(String address) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(address, 0));
                port = tcp.getLocalPort();
            }
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port))) {
                return port;
            } catch (SocketException taken) {
                // Someone holds the UDP port: try another.
            }
        }
        throw new IOException("no port free for both TCP and UDP on " + address);
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
