package dev.roomcall.app.ui.home;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether a signaling server answers at all, before the person is taken into a call that could only say "server
 * unreachable" after its own retries. A TCP connect is enough to tell a typo or a stopped server from a working one,
 * and works for any relay, Roomcall's or not.
 */
public final class ServerProbe {

    private ServerProbe() {}

    /** True if something accepts connections at the WebSocket address's host and port within {@code timeout}. */
    /** The Roomcall way to probe: a TCP connect with a short timeout. */
    public static boolean reachable(URI webSocket) {
        return reachable(webSocket, Duration.ofSeconds(4));
    }

    static boolean reachable(URI webSocket, Duration timeout) {
        String host = webSocket.getHost();
        if (host == null) {
            return false;
        }
        int port = webSocket.getPort() > 0 ? webSocket.getPort()
                : "wss".equals(webSocket.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
