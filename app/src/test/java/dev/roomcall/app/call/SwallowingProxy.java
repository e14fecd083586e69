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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP hop between a client and a signaling server that stands in for a node dying mid-negotiation: on the first
 * connection it passes the WebSocket handshake and everything the server says, but swallows whatever the client sends
 * after the handshake (as a node that dies takes it with it) until {@link #cut()} closes that connection. Later
 * connections pass both ways.
 */
final class SwallowingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final URI target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong swallowed = new AtomicLong();
    private volatile Socket firstClient;
    private volatile Socket firstServer;

    SwallowingProxy(URI target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "swallowing-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** The server's address with this hop's port. */
    URI uri() {
        return URI.create(target.getScheme() + "://127.0.0.1:" + listener.getLocalPort() + target.getRawPath());
    }

    /** Bytes the client sent on the first connection that never reached the server. */
    long swallowed() {
        return swallowed.get();
    }

    /** Ends the first connection abruptly, both ways. */
    void cut() {
        closeQuietly(firstClient);
        closeQuietly(firstServer);
    }

    private void acceptLoop() {
        boolean first = true;
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getHost(), target.getPort());
                sockets.add(client);
                sockets.add(server);
                if (first) {
                    firstClient = client;
                    firstServer = server;
                }
                pump(server.getInputStream(), client.getOutputStream(), false);
                pump(client.getInputStream(), server.getOutputStream(), first);
                first = false;
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean swallowAfterHandshake) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            int headerEnd = 0; // how much of "\r\n\r\n" was seen
            boolean handshakeDone = !swallowAfterHandshake;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (handshakeDone) {
                        if (swallowAfterHandshake) {
                            swallowed.addAndGet(n);
                        } else {
                            out.write(buffer, 0, n);
                        }
                        continue;
                    }
                    int i = 0;
                    while (i < n && !handshakeDone) {
                        headerEnd = buffer[i] == "\r\n\r\n".charAt(headerEnd) ? headerEnd + 1 : (buffer[i] == '\r' ? 1 : 0);
                        handshakeDone = headerEnd == 4;
                        i++;
                    }
                    out.write(buffer, 0, i);
                    swallowed.addAndGet(n - i);
                }
            } catch (IOException e) {
                // The connection was cut or closed: the pump's work is over.
            } finally {
                closeQuietly(in);
                closeQuietly(out);
            }
        }, "swallowing-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Already closed.
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(SwallowingProxy::closeQuietly);
    }
}
