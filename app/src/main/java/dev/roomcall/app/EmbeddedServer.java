package dev.roomcall.app;

import dev.roomcall.app.settings.UserDirectory;
import dev.roomcall.server.SelfSignedCertificate;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.CertificateFingerprint;
import dev.roomcall.signaling.IceServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup server: the same {@link SignalingServer} as the standalone jar, started inside the
 * app. It listens on every interface so a browser on the LAN can reach it; the app itself talks to it
 * over loopback. It announces the person's STUN/TURN servers in {@code joined}, so the browser on the
 * other end uses the same ones.
 *
 * <p>It serves {@code https://} and {@code wss://} with a self-signed certificate kept in the person's
 * configuration directory, because browsers on other machines allow the camera only on secure pages. On the
 * same port this machine may also use plain {@code http://} (a browser here needs no certificate warning);
 * the app's own connection uses {@code wss://} and trusts exactly this certificate (pinned). If no
 * certificate can be stored, the server falls back to plain http and says so in the log.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final SignalingServer server;
    private final Path certificateDirectory;
    private final SelfSignedCertificate certificate;

    private EmbeddedServer(SignalingServer server, Path certificateDirectory, SelfSignedCertificate certificate) {
        this.server = server;
        this.certificateDirectory = certificateDirectory;
        this.certificate = certificate;
    }

    /**
     * @param fallBackToFreePort when the port is taken (another Roomcall running, say), take any free
     *                           one instead of failing; a port the person asked for is never swapped
     * @param iceServers         announced to roomcall.v1 clients; empty lets each side use its own defaults
     */
    static EmbeddedServer start(int port, boolean fallBackToFreePort, List<IceServer> iceServers)
            throws StartException {
        return start(port, fallBackToFreePort, iceServers, UserDirectory.CONFIG.forUser());
    }

    static EmbeddedServer start(int port, boolean fallBackToFreePort) throws StartException {
        return start(port, fallBackToFreePort, List.of());
    }

    /** @param certificateDirectory where the certificate is kept; null serves plain http only */
    static EmbeddedServer start(int port, boolean fallBackToFreePort, List<IceServer> iceServers,
                                Path certificateDirectory) throws StartException {
        SelfSignedCertificate certificate = certificateIn(certificateDirectory);
        ServerConfig config = ServerConfig.builder().port(port).iceServers(iceServers).build();
        if (certificate != null) {
            config = config.toBuilder().tls(certificate.keystore()).build();
        }
        try {
            return new EmbeddedServer(bind(config), certificateDirectory, certificate);
        } catch (IOException e) {
            if (!fallBackToFreePort) {
                throw new StartException("server-failed",
                        "Could not start the built-in server on port " + port + ": " + e.getMessage());
            }
            log.warn("event=port-taken port={} action=use-free-port", port);
            try {
                return new EmbeddedServer(bind(config.toBuilder().port(0).build()), certificateDirectory, certificate);
            } catch (IOException again) {
                throw new StartException("server-failed", "Could not start the built-in server: " + again.getMessage());
            }
        }
    }

    private static SignalingServer bind(ServerConfig config) throws IOException {
        return SignalingServer.start(config, SignalingServer.PlainHttp.LOOPBACK_ONLY);
    }

    private static SelfSignedCertificate certificateIn(Path directory) {
        if (directory == null) {
            return null;
        }
        List<String> names = BrowserLinks.lanAddress().map(List::of).orElse(List.of());
        try {
            SelfSignedCertificate certificate = ServerCertificate.loadOrCreate(directory, names);
            log.info("event=server-certificate action={} fingerprint={}", certificate.created() ? "created" : "reused",
                    certificate.sha256Fingerprint());
            return certificate;
        } catch (IOException | RuntimeException e) {
            // A read-only home must not stop calls on this machine; only other machines lose the camera.
            log.warn("event=server-certificate action=none reason=\"{}\" detail=\"serving plain http only; browsers "
                    + "on other machines will not allow the camera\"", e.getMessage());
            return null;
        }
    }

    /**
     * The same server announcing other ICE servers: stopped and started again, on the same port when it is still
     * free so links already shared keep working. Only between calls: it drops whoever is connected.
     */
    EmbeddedServer restartWith(List<IceServer> iceServers) throws StartException {
        int port = server.port();
        close();
        log.info("event=server-restart port={} ice-servers={}", port, iceServers.size());
        return start(port, true, iceServers, certificateDirectory);
    }

    List<IceServer> iceServers() {
        return server.config().iceServers();
    }

    /** The certificate's SHA-256 fingerprint ({@code AB:CD:…}, as browsers show it); empty when serving plain http. */
    Optional<String> fingerprint() {
        return Optional.ofNullable(certificate).map(c -> CertificateFingerprint.sha256(c.certificate()));
    }

    /** The app's own signaling address: {@code wss://} over loopback, pinned to this certificate. */
    URI webSocketUri() {
        return URI.create((certificate != null ? "wss" : "ws") + "://127.0.0.1:" + server.port() + "/");
    }

    /** The page for a browser on this machine: plain http over loopback, no certificate warning. */
    URI httpUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
