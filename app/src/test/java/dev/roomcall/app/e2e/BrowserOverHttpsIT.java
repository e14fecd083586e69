package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.NetworkLab;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, end to end: a browser on another machine allows the camera only on a secure page, so the app's built-in
 * server must carry a whole call over https and wss. The packaged app waits in its room on the lab's internet host
 * ({@link NetworkLab#INTERNET}); headless Chromium in home B, another machine behind its router, opens the https link
 * on the app's non-loopback address and trusts the self-signed certificate the careful way: the key of exactly the
 * certificate whose fingerprint the app announced. Without that trust, Chromium refuses the page, which shows the
 * page really comes over TLS. Nothing here touches the real network of the machine running the build.
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

    private static final String ADDRESS = NetworkLab.INTERNET_ADDRESS;

    private static NetworkLab lab;
    private static AppProcess app;
    private static int port;
    private static String room;
    private static X509Certificate certificate;

    @BeforeAll
    static void appWaitsInItsRoom() throws Exception {
        lab = NetworkLab.shared();
        app = AppProcess.startWithPrefix(lab.in(NetworkLab.INTERNET), "https-browser-app", "--fake-media", "--host", "0");
        JsonObject started = app.await("server-started", START);
        port = URI.create(started.get("url").getAsString()).getPort();
        room = app.await("room", START).get("room").getAsString();
        app.await("joined", START);
        // What a careful person does with the fingerprint the app shows: accept the certificate only if it matches.
        certificate = ServedCertificate.fetch(lab, NetworkLab.HOME_B, ADDRESS, port,
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
        String link = "https://" + ADDRESS + ":" + port + "/#" + room;
        ChromiumOptions trusting = inHomeB().withExtraArguments(ServedCertificate.chromiumTrustSwitch(certificate));
        try (BrowserPeer browser = BrowserPeer.open("https-browser-trusting", "about:blank", trusting)) {
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_SOCKETS));
            browser.driver().get(link);

            app.await("peer-joined", CALL);
            RoomcallServerCallIT.assertBothSidesDecode(app, browser);

            assertEquals("https://" + ADDRESS + ":" + port + "/", browser.execute("return location.origin + '/';"),
                    "the page came from the non-loopback https address");
            assertEquals(Boolean.TRUE, browser.execute("return window.isSecureContext;"), "the page is a secure context");
            assertEquals("granted", browser.driver().executeAsyncScript(CAMERA_PERMISSION), "the camera is allowed");
            assertEquals(Boolean.TRUE, browser.execute("""
                    const local = document.getElementById('local-video').srcObject;
                    return !!local && local.getVideoTracks().some((t) => t.readyState === 'live');"""),
                    "the page sends its own camera");
            // The member token after the room is random: the address up to it is what must be right.
            Object sockets = browser.execute("return window.openedSockets().map((s) => ({readyState: s.readyState,"
                    + " url: s.url.replace(/&member=[A-Za-z0-9_-]+$/, '')}));");
            assertEquals(List.of(Map.of("url", "wss://" + ADDRESS + ":" + port + "/" + room + "?room=" + room,
                    "readyState", 1L)), sockets, "the page signals over one open wss connection");

            browser.close();
            app.await("peer-left", Duration.ofSeconds(5));
        }
    }

    @Test
    void aBrowserThatDoesNotTrustTheCertificateRefusesThePage() {
        String link = "https://" + ADDRESS + ":" + port + "/#" + room;
        try (BrowserPeer browser = BrowserPeer.open("https-browser-untrusting", link, inHomeB())) {
            assertRefused(browser, link);

            // Plain http from another machine is sent on to https, and so into the same refusal.
            browser.driver().get("http://" + ADDRESS + ":" + port + "/#" + room);
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

    /** A browser on another machine: home B, behind its router. */
    private static ChromiumOptions inHomeB() {
        return ChromiumOptions.defaults().launchedBy(lab.in(NetworkLab.HOME_B));
    }
}
