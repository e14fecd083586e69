package dev.roomcall.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Debian's coturn ({@code /usr/bin/turnserver}, override with {@code -Droomcall.turnserver=}) run by a test, with
 * TURN REST credentials from a shared secret ({@code use-auth-secret}). Its configuration is a file (so the secret
 * is not on a command line): the caller's options plus the address, port, secret and logging the harness needs.
 * It logs verbosely, since only then does coturn log each allocation, which tests read as proof of relaying.
 * Without coturn this fails with what to install; it never skips.
 */
public final class Coturn implements AutoCloseable {

    public static final Path TURNSERVER = Path.of(System.getProperty("roomcall.turnserver", "/usr/bin/turnserver"));
    public static final Path UCLIENT = Path.of(System.getProperty("roomcall.turnutils-uclient", "/usr/bin/turnutils_uclient"));
    public static final String REALM = "roomcall.test";

    /** Options of a deployment's file that a test must set its own way (addresses, ports, secret, files, logging). */
    private static final List<String> HARNESS_OWNED = List.of("listening-port", "tls-listening-port", "listening-ip",
            "relay-ip", "external-ip", "static-auth-secret", "cert", "pkey", "syslog", "log-file", "pidfile", "userdb",
            "no-stdout-log", "verbose", "simple-log", "no-tls", "no-dtls");

    /** Shared-secret credentials and nothing else, as the harness's relays have always run. */
    public static final List<String> MINIMAL_OPTIONS = List.of("realm=" + REALM, "use-auth-secret", "fingerprint", "no-cli");

    /**
     * Where and how to run coturn.
     *
     * @param name     names its log file, {@code logs/<name>.log}
     * @param address  its listening and relay address
     * @param port     its listening port; 0 for one free on {@code address} (only without a launcher: a free port
     *                 can only be looked for where this JVM runs)
     * @param secret   its {@code static-auth-secret}; null for a random one
     * @param options  further configuration lines, e.g. {@link #MINIMAL_OPTIONS} or a deployment's file
     * @param launcher a command it runs under, e.g. {@code ip netns exec NS}; empty to run it directly
     */
    public record Setup(String name, String address, int port, String secret, List<String> options,
                        List<String> launcher, Path logs) {
        public Setup {
            options = List.copyOf(options);
            launcher = List.copyOf(launcher);
            if (port == 0 && !launcher.isEmpty()) {
                throw new IllegalArgumentException("a coturn under a launcher needs a fixed port");
            }
        }

        /** coturn on {@code address} and a free port with {@link #MINIMAL_OPTIONS} and a random secret. */
        public static Setup on(String name, String address, Path logs) {
            return new Setup(name, address, 0, null, MINIMAL_OPTIONS, List.of(), logs);
        }

        public Setup withSecret(String newSecret) {
            return new Setup(name, address, port, newSecret, options, launcher, logs);
        }

        public Setup withOptions(List<String> newOptions) {
            return new Setup(name, address, port, secret, newOptions, launcher, logs);
        }

        /** Runs under {@code command} (a namespace) on the fixed {@code fixedPort}. */
        public Setup launchedBy(List<String> command, int fixedPort) {
            return new Setup(name, address, fixedPort, secret, options, command, logs);
        }
    }

    private final Setup setup;
    private final LabProcess process;
    private final Path dir;
    private final int port;
    private final String secret;

    private Coturn(Setup setup, LabProcess process, Path dir, int port, String secret) {
        this.setup = setup;
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.secret = secret;
    }

    public static Coturn start(Setup setup) throws IOException, InterruptedException {
        requireExecutable(TURNSERVER);
        int port = setup.port() != 0 ? setup.port() : freePort(setup.address());
        String secret = setup.secret() != null ? setup.secret() : randomSecret();
        Path dir = Files.createTempDirectory("roomcall-coturn-");
        Path config = dir.resolve("turnserver.conf");
        List<String> lines = new ArrayList<>(setup.options());
        lines.addAll(List.of(
                "listening-ip=" + setup.address(),
                "relay-ip=" + setup.address(),
                "listening-port=" + port,
                "static-auth-secret=" + secret,
                "no-tls",
                "no-dtls",
                "verbose",
                "simple-log",
                "log-file=stdout",
                "pidfile=" + dir.resolve("turnserver.pid"),
                "userdb=" + dir.resolve("turndb"),
                ""));
        Files.writeString(config, String.join("\n", lines), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(setup.launcher());
        command.addAll(List.of(TURNSERVER.toString(), "-c", config.toString()));
        LabProcess process = LabProcess.start(setup.name(), command, setup.logs());
        Coturn coturn = new Coturn(setup, process, dir, port, secret);
        try {
            process.awaitOutput(Pattern.compile(Pattern.quote("UDP listener opened on: " + setup.address() + ":" + port)),
                    Duration.ofSeconds(20));
        } catch (IOException | RuntimeException | Error e) {
            coturn.close();
            throw e;
        }
        return coturn;
    }

    /**
     * The lines of a deployment's configuration file that a test keeps: everything but comments and what
     * {@link #start} sets its own way (addresses, ports, secret, certificates, logging).
     */
    public static List<String> deploymentOptions(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> HARNESS_OWNED.stream().noneMatch(option -> line.equals(option) || line.startsWith(option + "=")))
                .toList();
    }

    public String address() {
        return setup.address();
    }

    public int port() {
        return port;
    }

    /** coturn's {@code static-auth-secret}, for a Roomcall server that makes the credentials itself. */
    public String secret() {
        return secret;
    }

    /** {@code turn:ADDRESS:PORT?transport=udp} */
    public String url() {
        return "turn:" + setup.address() + ":" + port + "?transport=udp";
    }

    /** A TURN username and credential. */
    public record Credentials(String username, String credential) {}

    /**
     * Credentials in the TURN REST scheme coturn checks under {@code use-auth-secret}: the username is the expiry
     * time in Unix seconds (and a label), the credential is base64(HMAC-SHA1(secret, username)).
     */
    public Credentials restCredentials(Duration validFor) {
        String username = Instant.now().plus(validFor).getEpochSecond() + ":roomcall-test";
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return new Credentials(username,
                    Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** How many allocations coturn has logged so far: proof that media really went through it. */
    public long allocations() throws IOException {
        return process.lines().stream().filter(line -> line.contains("ALLOCATE processed, success")).count();
    }

    /** Whether coturn logged a successful allocation for this username: its own word that it accepted them. */
    public boolean allocatedFor(String username) throws IOException {
        String accepted = "user <" + username + ">: incoming packet ALLOCATE processed, success";
        return process.lines().stream().anyMatch(line -> line.contains(accepted));
    }

    /** Lines in which coturn said it did not understand its configuration. */
    public List<String> configurationComplaints() throws IOException {
        return process.lines().stream()
                .filter(line -> line.contains("Bad configuration format") || line.contains("Wrong address format")
                        || line.contains("ERROR:"))
                .toList();
    }

    /** What coturn's test client printed and how it ended. */
    public record Attempt(int exitCode, String output) {
        public boolean allocated() {
            return exitCode == 0 && !output.contains("Cannot complete Allocation");
        }
    }

    /**
     * Two of coturn's test clients ({@code turnutils_uclient -y}) allocate relays with these credentials and send a
     * message to each other through them, as two browsers relaying a call would. They run where coturn runs.
     */
    public Attempt allocate(Credentials credentials) throws IOException, InterruptedException {
        requireExecutable(UCLIENT);
        Path output = Files.createTempFile(dir, "uclient-", ".log");
        List<String> command = new ArrayList<>(setup.launcher());
        command.addAll(List.of(UCLIENT.toString(), "-p", String.valueOf(port),
                "-u", credentials.username(), "-w", credentials.credential(), "-y", "-n", "1", setup.address()));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("turnutils_uclient did not finish within 60 s:\n" + Files.readString(output)
                    + "\n--- turnserver:\n" + tail());
        }
        return new Attempt(client.exitValue(), Files.readString(output));
    }

    public String tail() {
        return process.tail();
    }

    private static void requireExecutable(Path tool) {
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(tool + " is missing: install Debian's coturn package (apt-get install "
                    + "coturn), or point -Droomcall.turnserver= / -Droomcall.turnutils-uclient= at it");
        }
    }

    private static String randomSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A port free for both TCP and UDP on {@code address}: turnserver listens on both. */
    private static int freePort(String address) throws IOException {
        InetAddress ip = InetAddress.getByName(address);
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(ip, 0));
                port = tcp.getLocalPort();
            }
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(ip, port))) {
                return port;
            } catch (SocketException taken) {
                // Someone holds that UDP port: try another.
            }
        }
        throw new IOException("no port free for both TCP and UDP on " + address);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.close();
        } finally {
            TempTree.deleteQuietly(dir);
        }
    }
}
