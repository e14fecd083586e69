package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verification code people compare aloud, end to end: the packaged app (headless, its embedded server) and
 * Chromium on Roomcall's page compute it independently from the two DTLS fingerprints and must agree; the next
 * call, with fresh certificates, has another code. The page's algorithm also meets the documented test vector.
 */
class VerificationCodeIT {

    private static final Duration CALL = Duration.ofSeconds(60);

    @Test
    void theAppAndTheBrowserShowTheSameCodeAndTheNextCallHasAnother() throws Exception {
        try (AppProcess app = AppProcess.start("roomcall-verification", "--fake-media", "--host", "0")) {
            String page = app.await("server-started", CALL).get("url").getAsString();
            String room = app.await("room", CALL).get("room").getAsString();
            app.await("joined", CALL);

            String firstCode;
            try (BrowserPeer browser = BrowserPeer.open("roomcall-verification-1", page + "#" + room)) {
                JsonObject appSide = app.await("verification", CALL);
                Map<?, ?> pageSide = awaitPageVerification(browser);
                firstCode = appSide.get("code").getAsString();
                assertEquals(firstCode, pageSide.get("code"), "the same six digits on both screens");
                assertEquals(appSide.get("localFingerprint").getAsString(), pageSide.get("remote"),
                        "the page sees the app's certificate");
                assertEquals(appSide.get("remoteFingerprint").getAsString(), pageSide.get("local"),
                        "the app sees the page's certificate");
                assertTrue(firstCode.matches("[0-9]{6}"), firstCode);
                browser.awaitTrue("return document.getElementById('verify-code').textContent === '"
                        + firstCode.substring(0, 3) + " " + firstCode.substring(3) + "' "
                        + "&& !document.getElementById('verify-box').hidden;", CALL);
                // The test vector of docs/protocol.md, which VerificationCodeTest checks on the Java side.
                assertEquals("148373", browser.execute(
                        "return window.roomcall.verificationCodeOf(arguments[0], arguments[1]);",
                        "sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F",
                        "sha-256 FF:FE:FD:FC:FB:FA:F9:F8:F7:F6:F5:F4:F3:F2:F1:F0:EF:EE:ED:EC:EB:EA:E9:E8:E7:E6:E5:E4:E3:E2:E1:E0"),
                        "the page computes the documented algorithm");
            }
            app.await("peer-left", CALL);

            try (BrowserPeer browser = BrowserPeer.open("roomcall-verification-2", page + "#" + room)) {
                JsonObject appSide = app.await("verification",
                        json -> !json.get("code").getAsString().equals(firstCode), CALL);
                Map<?, ?> pageSide = awaitPageVerification(browser);
                assertEquals(appSide.get("code").getAsString(), pageSide.get("code"), "the second call agrees too");
                // A collision of two random certificate pairs has odds of one in a million.
                assertNotEquals(firstCode, pageSide.get("code"), "a new call, new certificates, a new code");
            }
            assertEquals(0, app.terminate(Duration.ofSeconds(15)));
        }
    }

    private static Map<?, ?> awaitPageVerification(BrowserPeer browser) {
        browser.awaitTrue("const v = window.roomcall && window.roomcall.verification(); return !!(v && v.code);", CALL);
        return (Map<?, ?>) browser.execute("return window.roomcall.verification();");
    }
}
