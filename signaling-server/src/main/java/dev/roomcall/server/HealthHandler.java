package dev.roomcall.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What a load balancer asks: {@code GET /healthz} answers 200 {@code accepting} while the node takes joins and 503
 * {@code draining} once it does not, so HAProxy's health check stops sending new rooms here before the node asks its
 * members to move. With a node name configured, every response (the page, WebSocket upgrades, this check) names
 * the node in {@value ServerConfig#NODE_HEADER}. A WebSocket upgrade to {@code /healthz} is the room "healthz", not
 * a health check.
 */
final class HealthHandler extends Handler.Wrapper {

    static final String PATH = "/healthz";

    private final BooleanSupplier accepting;
    private final String nodeName;

    /**
     * @param accepting whether the node takes joins right now
     * @param nodeName  the {@value ServerConfig#NODE_HEADER} value, or null for no header
     */
    HealthHandler(Handler handler, BooleanSupplier accepting, String nodeName) {
        super(handler);
        this.accepting = accepting;
        this.nodeName = nodeName;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (nodeName != null) {
            response.getHeaders().put(ServerConfig.NODE_HEADER, nodeName);
        }
        if (!PATH.equals(request.getHttpURI().getPath()) || isWebSocketUpgrade(request)) {
            return super.handle(request, response, callback);
        }
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (!head && !HttpMethod.GET.is(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        boolean up = accepting.getAsBoolean();
        response.setStatus(up ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        // A cached "accepting" would keep sending rooms to a draining node.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] body = ((up ? "accepting" : "draining") + "\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Only a WebSocket upgrade: Java's HttpClient, for one, asks every HTTP/1.1 request to upgrade to h2c. */
    private static boolean isWebSocketUpgrade(Request request) {
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        return upgrade != null && upgrade.trim().equalsIgnoreCase("websocket");
    }
}
