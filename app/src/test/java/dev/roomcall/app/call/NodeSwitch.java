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

/**
 * A load balancer in miniature: one address in front of whichever signaling node is current. {@link #sendTo} sends
 * later connections to another node (a drained node's members then land there), {@link #killCurrent} also cuts every
 * open connection abruptly, as a node that dies does.
 */
final class NodeSwitch implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
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
                pump(server.getInputStream(), client.getOutputStream());
                pump(client.getInputStream(), server.getOutputStream());
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void pump(InputStream in, OutputStream out) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
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
