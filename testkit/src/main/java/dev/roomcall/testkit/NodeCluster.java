package dev.roomcall.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several standalone signaling nodes behind HAProxy, all on loopback, as packaging/server/haproxy.cfg deploys them:
 * the setup every multi-node test shares. Closing it stops HAProxy first, then every node (also those added later).
 */
public final class NodeCluster implements AutoCloseable {

    /** Where the built server and the checked-in HAProxy configuration are, relative to a module's folder. */
    public record Parts(Path jar, Path haproxyConfig) {

        /** Reads {@code roomcall.server.jar} / {@code roomcall.haproxy.cfg}, else the given defaults. */
        public static Parts fromProperties(String defaultJar, String defaultConfig) {
            return new Parts(Path.of(System.getProperty("roomcall.server.jar", defaultJar)),
                    Path.of(System.getProperty("roomcall.haproxy.cfg", defaultConfig)));
        }
    }

    private final Parts parts;
    private final Path work;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private LoopbackHaproxy haproxy;

    private NodeCluster(Parts parts, Path work) {
        this.parts = parts;
        this.work = work;
    }

    /**
     * Starts {@code count} nodes named node1…nodeN, each with {@code nodeOptions}, and HAProxy in front of them.
     * Logs go to {@code work}.
     */
    public static NodeCluster start(Parts parts, Path work, int count, String... nodeOptions)
            throws IOException, InterruptedException {
        NodeCluster cluster = new NodeCluster(parts, Files.createDirectories(work));
        try {
            for (int i = 1; i <= count; i++) {
                cluster.nodes.add(NodeProcess.start(parts.jar(), "node" + i, freePort(), cluster.work, nodeOptions));
            }
            cluster.haproxy = LoopbackHaproxy.start(parts.haproxyConfig(), cluster.work, freePort(), cluster.nodes);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts a node again on a former node's name and port (an upgraded node coming back, say). */
    public NodeProcess restart(NodeProcess former, String... nodeOptions) throws IOException, InterruptedException {
        NodeProcess node = NodeProcess.start(parts.jar(), former.name, former.port, work, nodeOptions);
        nodes.add(node);
        return node;
    }

    public LoopbackHaproxy haproxy() {
        return haproxy;
    }

    /** Every node started, in order, whether alive or not. */
    public List<NodeProcess> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<NodeProcess> alive() {
        return nodes.stream().filter(NodeProcess::isAlive).toList();
    }

    /** The signaling address clients use: HAProxy's TLS front. */
    public URI signalingUri() {
        return URI.create("wss://127.0.0.1:" + haproxy.port + "/");
    }

    /** The address of the served page for {@code room}. */
    public String pageLink(String room) {
        return "https://127.0.0.1:" + haproxy.port + "/#" + room;
    }

    public Path work() {
        return work;
    }

    @Override
    public void close() {
        if (haproxy != null) {
            haproxy.close();
        }
        nodes.forEach(NodeProcess::close);
    }

    /** A port nothing listens on now, on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
