package dev.roomcall.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages with {@link SecurityHeaders}: a request Jetty refuses before any handler or customizer sees it
 * (no or a malformed Host header, an unparsable line) is answered here, and that answer needs them as much as any.
 */
final class SecureErrorHandler extends ErrorHandler {

    SecureErrorHandler() {
        // Stack traces and server versions belong in the log, not in an answer to a stranger.
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.forRequest(request.isSecure(), request.getHeaders().get(HttpHeader.HOST))
                .forEach(response.getHeaders()::put);
        return super.handle(request, response, callback);
    }
}
