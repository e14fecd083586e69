package dev.roomcall.app.call;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load balancer in miniature: one address in front of whichever signaling node is current. {@link #sendTo} sends
 * later connections to another node (a drained node's members then land there), {@link #killCurrent} also cuts every
 * open connection abruptly, as a node that dies does.
 */
final class NodeSwitch implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /**
     * Set when the current node dies, before any socket is cut: a dead node says nothing more, but a live server whose
     * first member's connection was cut would otherwise tell the next member "peer-left" in the microseconds before
     * that member's connection is cut too. Replaced for the next node's connections.
     */
    private volatile AtomicBoolean dead = new AtomicBoolean();
    private volatile URI target;

    NodeSwitch(URI first) throws IOException {
        this.target = first;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "node-switch");
        accept.setDaemon(true);
        accept.start();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** New connections go to {@code next}; open ones stay where they are. */
    void sendTo(URI next) {
        target = next;
    }

    /** The current node dies: its connections break without a close frame, and new ones go to {@code next}. */
    void killCurrent(URI next) {
        dead.set(true);
        dead = new AtomicBoolean();
        target = next;
        sockets.forEach(NodeSwitch::closeQuietly);
        sockets.clear();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                URI node = target;
                Socket server = new Socket(node.getHost(), node.getPort());
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean nodeDead = dead;
                pump(server.getInputStream(), client.getOutputStream(), nodeDead);
                pump(client.getInputStream(), server.getOutputStream(), new AtomicBoolean());
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Copies {@code in} to {@code out} until either ends, or until {@code silenced}: then it stops passing bytes on. */
    private static void pump(InputStream in, OutputStream out, AtomicBoolean silenced) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0 && !silenced.get()) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // Cut or closed: this direction is over.
            } finally {
                closeQuietly(in);
                closeQuietly(out);
            }
        }, "node-switch-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(NodeSwitch::closeQuietly);
    }
}
