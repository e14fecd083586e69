package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, end to end: a browser on another machine allows the camera only on a secure page, so the app's built-in
 * server must carry a whole call over https and wss. The packaged app waits in its room; headless Chromium opens the
 * https link on this machine's non-loopback address (how another machine reaches it) and trusts the self-signed
 * certificate the careful way: the key of exactly the certificate whose fingerprint the app announced. Without that
 * trust, Chromium refuses the page, which shows the page really comes over TLS.
 */
class BrowserOverHttpsIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration CALL = Duration.ofSeconds(60);
    /**
     * Records every WebSocket the page opens, before the page's own script runs; a subclass, so the page's
     * socket behaves exactly as the native one.
     */
    private static final String RECORD_SOCKETS = """
            (() => {
              const Native = window.WebSocket;
              const opened = [];
              window.WebSocket = class extends Native {
                constructor(...args) { super(...args); opened.push(this); }
              };
              window.openedSockets = () => opened.map((s) => ({ url: s.url, readyState: s.readyState }));
            })();
            """;
    private static final String CAMERA_PERMISSION = """
            const done = arguments[arguments.length - 1];
            navigator.permissions.query({ name: 'camera' }).then((p) => done(p.state), (e) => done('error: ' + e));
            """;

    private static AppProcess app;
    private static String lanAddress;
    private static int port;
    private static String room;
    private static X509Certificate certificate;

    @BeforeAll
    static void appWaitsInItsRoom() throws Exception {
        lanAddress = nonLoopbackAddress();
        app = AppProcess.start("https-browser-app", "--fake-media", "--host", "0");
        JsonObject started = app.await("server-started", START);
        port = URI.create(started.get("url").getAsString()).getPort();
        room = app.await("room", START).get("room").getAsString();
        app.await("joined", START);
        // What a careful person does with the fingerprint the app shows: accept the certificate only if it matches.
        certificate = ServedCertificate.fetch(URI.create("https://" + lanAddress + ":" + port + "/"),
                started.get("fingerprint").getAsString());
    }

    @AfterAll
    static void appHangsUp() throws Exception {
        if (app != null) {
            try {
                assertEquals(0, app.terminate(Duration.ofSeconds(15)), "the app exits cleanly on SIGTERM");
                assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
            } finally {
                app.close();
            }
        }
    }

    @Test
    void aBrowserThatTrustsTheAnnouncedCertificateCallsTheAppOverHttpsAndWss() throws Exception {
        String link = "https://" + lanAddress + ":" + port + "/#" + room;
        BrowserPeer.Options trusting = BrowserPeer.Options.defaults()
                .withExtraArguments(ServedCertificate.chromiumTrustSwitch(certificate));
        try (BrowserPeer browser = BrowserPeer.open("https-browser-trusting", "about:blank", trusting)) {
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_SOCKETS));
            browser.driver().get(link);

            app.await("peer-joined", CALL);
            RoomcallServerCallIT.assertBothSidesDecode(app, browser);

            assertEquals("https://" + lanAddress + ":" + port + "/", browser.execute("return location.origin + '/';"),
                    "the page came from the non-loopback https address");
            assertEquals(Boolean.TRUE, browser.execute("return window.isSecureContext;"), "the page is a secure context");
            assertEquals("granted", browser.driver().executeAsyncScript(CAMERA_PERMISSION), "the camera is allowed");
            assertEquals(Boolean.TRUE, browser.execute("""
                    const local = document.getElementById('local-video').srcObject;
                    return !!local && local.getVideoTracks().some((t) => t.readyState === 'live');"""),
                    "the page sends its own camera");
            Object sockets = browser.execute("return window.openedSockets();");
            assertEquals(List.of(Map.of("url", "wss://" + lanAddress + ":" + port + "/" + room + "?room=" + room,
                    "readyState", 1L)), sockets, "the page signals over one open wss connection");

            browser.close();
            app.await("peer-left", Duration.ofSeconds(5));
        }
    }

    @Test
    void aBrowserThatDoesNotTrustTheCertificateRefusesThePage() {
        String link = "https://" + lanAddress + ":" + port + "/#" + room;
        try (BrowserPeer browser = BrowserPeer.open("https-browser-untrusting", link)) {
            assertRefused(browser, link);

            // Plain http from another machine is sent on to https, and so into the same refusal.
            browser.driver().get("http://" + lanAddress + ":" + port + "/#" + room);
            assertRefused(browser, link);
        }
    }

    /** Chromium shows its certificate error instead of the page: Roomcall's script never ran. */
    private static void assertRefused(BrowserPeer browser, String link) {
        assertEquals(link, browser.driver().getCurrentUrl(), "the address the browser tried");
        assertEquals("undefined", browser.execute("return typeof window.roomcall;"), "Roomcall's page must not have loaded");
        Object shown = browser.execute("return document.body ? document.body.innerText : '';");
        assertTrue(String.valueOf(shown).contains("NET::ERR_CERT_"), "Chromium's certificate error is shown: " + shown);
    }

    /** An IPv4 address of this machine that is not loopback: what another machine on the network connects to. */
    private static String nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address for another machine to reach it by");
    }
}
