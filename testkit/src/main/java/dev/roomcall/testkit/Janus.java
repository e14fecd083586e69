package dev.roomcall.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Janus started by a test on loopback from Roomcall's deployment configuration (packaging/server/janus):
 * the files are copied into the test's own folder, and only what cannot be shared between a deployment and a test
 * changes: the configuration folder, the WebSocket port (a free one) and the VideoRoom admin key (the test's). ICE
 * uses loopback only ({@code --ice-enforce-list=lo}).
 */
public final class Janus implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/janus");
    private static final List<String> FILES = List.of(
            "janus.jcfg", "janus.transport.websockets.jcfg", "janus.plugin.videoroom.jcfg");

    private final LabProcess process;
    private final Path folder;
    private final int port;
    private final String adminKey;

    private Janus(LabProcess process, Path folder, int port, String adminKey) {
        this.process = process;
        this.folder = folder;
        this.port = port;
        this.adminKey = adminKey;
    }

    /**
     * Starts Janus with the configuration in {@code deployment} (packaging/server/janus) under {@code work}, and
     * waits until its WebSocket API accepts connections.
     */
    public static Janus start(Path deployment, Path work, String adminKey) throws IOException, InterruptedException {
        return start(deployment, work, adminKey, NodeCluster.freePort());
    }

    /** As {@link #start(Path, Path, String)}, on a given port: Janus coming back where it was. */
    public static Janus start(Path deployment, Path work, String adminKey, int port) throws IOException, InterruptedException {
        Path conf = Files.createDirectories(work.resolve("conf"));
        for (String file : FILES) {
            String text = Files.readString(deployment.resolve(file));
            text = replaceSetting(text, "configs_folder", "\"" + conf.toAbsolutePath() + "\"");
            text = file.contains("websockets") ? replaceSetting(text, "ws_port", Integer.toString(port)) : text;
            text = file.contains("videoroom") ? replaceSetting(text, "admin_key", "\"" + adminKey + "\"") : text;
            Files.writeString(conf.resolve(file), text);
        }
        // No core file: a Janus that crashes would leave hundreds of MB in the module's folder, where git sees it.
        LabProcess process = LabProcess.start("janus-" + port, List.of("/bin/sh", "-c", "ulimit -c 0; exec \"$@\"",
                "janus", BINARY.toString(), "-F", conf.toString(), "-C", conf.resolve("janus.jcfg").toString(),
                "--ice-enforce-list=lo", "-o"), work);
        Janus janus = new Janus(process, work, port, adminKey);
        try {
            janus.awaitListening(Duration.ofSeconds(30));
        } catch (IOException | RuntimeException | Error e) {
            janus.close();
            throw e;
        }
        return janus;
    }

    /** Sets {@code key = value} where the file has that key; the file must have it (a renamed key fails loudly). */
    static String replaceSetting(String text, String key, String value) {
        Pattern setting = Pattern.compile("(?m)^(\\s*)" + Pattern.quote(key) + "\\s*=\\s*[^\\n#]*");
        Matcher matcher = setting.matcher(text);
        if (!matcher.find()) {
            if ("configs_folder".equals(key)) {
                return text;
            }
            throw new IllegalArgumentException("no '" + key + "' setting to replace");
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + key + " = " + value));
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("janus exited before listening:\n" + process.tail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("janus did not listen on " + port + " within " + timeout + ":\n" + process.tail());
                }
                Thread.sleep(100);
            }
        }
    }

    /** Janus's WebSocket API. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public String adminKey() {
        return adminKey;
    }

    public Path folder() {
        return folder;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What Janus printed last, for a failing test's message. */
    public String logTail() {
        return process.tail();
    }

    /** SIGKILL: Janus vanishes mid-call, as a crash would. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        try {
            process.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
