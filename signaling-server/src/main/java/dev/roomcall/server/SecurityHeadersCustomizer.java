package dev.roomcall.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Puts {@link SecurityHeaders} on the answer to every request the connector parses, before any handler runs, so
 * the page, its files, 404s, error pages and redirects all carry them. It must come after
 * {@link org.eclipse.jetty.server.SecureRequestCustomizer}, which is what makes a TLS request {@linkplain
 * Request#isSecure() secure}.
 */
final class SecurityHeadersCustomizer implements HttpConfiguration.Customizer {

    /** The media server's origin pages may connect to (rooms on Janus), or null. */
    private final String mediaServer;

    SecurityHeadersCustomizer() {
        this(null);
    }

    SecurityHeadersCustomizer(String mediaServer) {
        this.mediaServer = mediaServer;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SecurityHeaders.forRequest(request.isSecure(), request.getHeaders().get(HttpHeader.HOST), mediaServer)
                .forEach(responseHeaders::put);
        return request;
    }
}
