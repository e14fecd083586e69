package dev.roomcall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.settings.IceServerSetting;
import dev.roomcall.app.settings.Resolution;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.app.ui.TestRuntimes;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalingClient;
import dev.roomcall.signaling.SignalingClientBuilder;
import dev.roomcall.signaling.SignalingListener;
import dev.roomcall.signaling.SignalingState;
import dev.roomcall.signaling.SignalingUrl;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime applies the person's settings: server, STUN/TURN servers and resolution. */
class CallRuntimeTest {

    private CallRuntime runtime;

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theBuiltInServerIsTheDefaultAndItsLinkOpensThePageOnThatPort() throws Exception {
        runtime = TestRuntimes.start(Settings.defaults());
        URI page = runtime.server().orElseThrow();

        CallOptions call = runtime.callOptionsFor("ABCD EFGH JKMNP");

        assertEquals(URI.create("wss://127.0.0.1:" + page.getPort() + "/"), call.server(),
                "the app talks to its own server over TLS, pinned to its certificate");
        assertEquals("abcd-efgh-jkmnp", call.room());
        assertEquals(Settings.BUILT_IN_SERVER, runtime.serverChoiceFor(call));
        URI link = runtime.browserLinkFor(call);
        assertEquals(page.getPort(), link.getPort());
        assertEquals("https", link.getScheme(), "browsers on other machines allow the camera only on https");
        assertEquals(runtime.serverFingerprint(), runtime.serverFingerprintFor(call));
        assertEquals(runtime.serverFingerprint().orElseThrow(), call.certificatePin(),
                "calls to the built-in server pin the certificate it made");
        assertTrue(runtime.serverFingerprint().isPresent());
        assertEquals("abcd-efgh-jkmnp", link.getFragment());
    }

    @Test
    void newRoomsAndCodesGoToTheServerChosenInTheSettings() throws Exception {
        runtime = TestRuntimes.start(Settings.defaults().withServer("https://rooms.example.org"));

        CallOptions call = runtime.callOptionsFor("abcdefghjkmnp");

        assertEquals(URI.create("wss://rooms.example.org/"), call.server());
        assertEquals(URI.create("https://rooms.example.org/#abcd-efgh-jkmnp"), runtime.browserLinkFor(call));
        assertEquals("wss://rooms.example.org/", runtime.serverChoiceFor(call));
        assertEquals(URI.create("ws://10.0.0.7:3000/"), runtime.callOptionsFor("c0ffee", "10.0.0.7:3000").server(),
                "a server typed for one join wins over the settings");
    }

    @Test
    void aPastedLinkBringsItsOwnServer() throws Exception {
        runtime = TestRuntimes.start(Settings.defaults().withServer("ws://10.0.0.7:3000"));

        CallOptions call = runtime.callOptionsFor("http://192.168.1.20:4000/#abcd-efgh-jkmnp", "ws://ignored:1");

        assertEquals(URI.create("ws://192.168.1.20:4000/"), call.server());
        assertEquals("abcd-efgh-jkmnp", call.room());
    }

    @Test
    void aBadServerOnTheCommandLineIsAStartErrorWithAStableCode() {
        StartException e = assertThrows(StartException.class,
                () -> TestRuntimes.start(Settings.defaults(), "--server", "ftp://example.org"));
        assertEquals("bad-server", e.code());
    }

    @Test
    void stunAndTurnServersFromTheSettingsReachEveryCallAndTheBrowserSide() throws Exception {
        IceServerSetting stun = new IceServerSetting("stun:stun.example.org:3478", "", "");
        IceServerSetting turn = new IceServerSetting("turn:turn.example.org:3478", "ann", "s3cret");
        AtomicReference<Settings> settings = new AtomicReference<>(Settings.defaults().withIceServers(List.of(stun)));
        runtime = TestRuntimes.start(settings::get);
        int port = runtime.server().orElseThrow().getPort();

        assertEquals(List.of(stun.toIceServer()), runtime.callOptions().iceServers());
        assertEquals(List.of(stun.toIceServer()), announcedIceServers(runtime.callOptions()),
                "the built-in server tells the browser the same servers");

        settings.set(settings.get().withIceServers(List.of(stun, turn)));
        assertFalse(runtime.preparedForNextCall());
        runtime.prepareNextCall();

        assertTrue(runtime.preparedForNextCall());
        assertEquals(port, runtime.server().orElseThrow().getPort(), "links already shared keep working");
        assertEquals(List.of(stun.toIceServer(), turn.toIceServer()), announcedIceServers(runtime.callOptions()));
    }

    @Test
    void iceServersOnTheCommandLineReplaceTheSettingsForCallsAndTheBrowserSide() throws Exception {
        IceServerSetting saved = new IceServerSetting("stun:saved.example.org", "", "");
        runtime = TestRuntimes.start(Settings.defaults().withIceServers(List.of(saved)),
                "--ice-server", "stun:stun.example.org:3478",
                "--ice-server", "turn:192.0.2.2:3478?transport=udp", "--ice-username", "ann", "--ice-credential", "s3cret");
        List<IceServer> given = List.of(IceServer.stun("stun:stun.example.org:3478"),
                new IceServer(List.of("turn:192.0.2.2:3478?transport=udp"), "ann", "s3cret"));

        assertEquals(given, runtime.callOptions().iceServers());
        assertEquals(given, runtime.callOptionsFor("c0ffee").iceServers());
        assertEquals(given, announcedIceServers(runtime.callOptions()));
        assertTrue(runtime.preparedForNextCall(), "the settings' servers do not undo the command line's");
        assertFalse(runtime.callOptions().relayOnly());
    }

    @Test
    void theNameOthersSeeIsTheCommandLinesElseTheSettingsElseTheAccounts() throws Exception {
        runtime = TestRuntimes.start(Settings.defaults().withDisplayName("Ann from Settings"), "--name", "Mia");
        assertEquals("Mia", runtime.callOptions().displayName());
        runtime.close();

        runtime = TestRuntimes.start(Settings.defaults().withDisplayName("Ann from Settings"));
        assertEquals("Ann from Settings", runtime.callOptions().displayName());
        assertEquals("Ann from Settings", runtime.callOptionsFor("c0ffee").displayName());
        runtime.close();

        runtime = TestRuntimes.start(Settings.defaults());
        assertEquals(dev.roomcall.app.settings.DisplayName.ofAccount(), runtime.callOptions().displayName());
    }

    @Test
    void aBadIceServerOnTheCommandLineIsAStartErrorThatNamesIt() {
        StartException noCredential = assertThrows(StartException.class,
                () -> TestRuntimes.start(Settings.defaults(), "--ice-server", "turn:turn.example.org"));
        assertEquals("bad-ice-server", noCredential.code());
        assertEquals("--ice-server 'turn:turn.example.org': a TURN server needs --ice-username and --ice-credential "
                + "(or --ice-credential-file) after it", noCredential.getMessage());
        StartException scheme = assertThrows(StartException.class,
                () -> TestRuntimes.start(Settings.defaults(), "--ice-server", "http://stun.example.org"));
        assertTrue(scheme.getMessage().contains("must start with stun:, turn: or turns:"), scheme.getMessage());
        StartException secureStun = assertThrows(StartException.class,
                () -> TestRuntimes.start(Settings.defaults(), "--ice-server", "stuns:stun.example.org"));
        assertTrue(secureStun.getMessage().contains("stuns: (STUN over TLS) is not supported"), secureStun.getMessage());
    }

    @Test
    void aTurnCredentialCanComeFromAFileKeptOffTheCommandLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("turn-credential");
        Files.writeString(file, "s3cret\n");
        runtime = TestRuntimes.start(Settings.defaults(), "--ice-server", "turn:192.0.2.2:3478", "--ice-username", "ann",
                "--ice-credential-file", file.toString());
        assertEquals(List.of(new IceServer(List.of("turn:192.0.2.2:3478"), "ann", "s3cret")),
                runtime.callOptions().iceServers());
        runtime.close();
        runtime = null;

        StartException missing = assertThrows(StartException.class,
                () -> TestRuntimes.start(Settings.defaults(), "--ice-server", "turn:192.0.2.2:3478", "--ice-username",
                        "ann", "--ice-credential-file", dir.resolve("nowhere").toString()));
        assertEquals("bad-ice-server", missing.code());
        assertTrue(missing.getMessage().startsWith("cannot read --ice-credential-file"), missing.getMessage());
    }

    @Test
    void relayOnlyComesFromTheCommandLineOrTheSettings() throws Exception {
        runtime = TestRuntimes.start(Settings.defaults(), "--relay-only");
        assertTrue(runtime.callOptions().relayOnly());
        assertTrue(runtime.callOptionsFor("c0ffee").relayOnly());
        runtime.close();

        AtomicReference<Settings> settings = new AtomicReference<>(Settings.defaults());
        runtime = TestRuntimes.start(settings::get);
        assertFalse(runtime.callOptions().relayOnly());
        settings.set(settings.get().withRelayOnly(true));
        assertTrue(runtime.callOptions().relayOnly(), "the settings' switch applies from the next call");
    }

    @Test
    void beginReturnsOnceTheServerListensWhileTheEngineStartsBesideIt() throws Exception {
        CountDownLatch cameraUp = new CountDownLatch(1);
        List<String> engineThreads = new CopyOnWriteArrayList<>();
        CallRuntime.Engines slow = new CallRuntime.Engines() {
            @Override
            public MediaEngine start(MediaOptions options) {
                engineThreads.add(Thread.currentThread().getName());
                try {
                    cameraUp.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return TestRuntimes.SHARED.start(options);
            }

            @Override
            public void release(MediaEngine engine) {
                TestRuntimes.SHARED.release(engine);
            }
        };

        runtime = CallRuntime.begin(TestRuntimes.launchOptions(), Settings::defaults, slow);

        assertTrue(runtime.server().isPresent(), "the server listens without waiting for the camera");
        assertFalse(runtime.engineReady().isDone());
        assertFalse(runtime.preparedForNextCall(), "a call would have to wait");
        assertEquals(List.of(), runtime.mediaWarnings());
        assertEquals(List.of("roomcall-engine-start"), engineThreads);

        cameraUp.countDown();
        runtime.prepareNextCall();
        assertTrue(runtime.engineReady().isDone());
        assertTrue(runtime.preparedForNextCall());
    }

    @Test
    void anEngineThatCannotStartIsAStartErrorWithAStableCode() {
        CallRuntime.Engines broken = options -> {
            throw new IllegalStateException("no sound system");
        };

        StartException e = assertThrows(StartException.class,
                () -> CallRuntime.start(TestRuntimes.launchOptions(), Settings::defaults, broken));

        assertEquals("media-failed", e.code());
        assertTrue(e.getMessage().contains("no sound system"), e.getMessage());
    }

    @Test
    void aNewResolutionRestartsTheEngineBeforeTheNextCallAndOnlyThen() throws Exception {
        List<MediaOptions> started = new CopyOnWriteArrayList<>();
        CallRuntime.Engines counting = new CallRuntime.Engines() {
            @Override
            public MediaEngine start(MediaOptions options) {
                started.add(options);
                return TestRuntimes.SHARED.start(options);
            }

            @Override
            public void release(MediaEngine engine) {
                TestRuntimes.SHARED.release(engine);
            }
        };
        AtomicReference<Settings> settings = new AtomicReference<>(Settings.defaults());
        runtime = CallRuntime.start(TestRuntimes.launchOptions(), settings::get, counting);
        assertEquals(1280, started.get(0).width());

        runtime.prepareNextCall();
        assertEquals(1, started.size(), "nothing changed, nothing restarts");

        settings.set(settings.get().withResolution(Resolution.VGA));
        assertFalse(runtime.preparedForNextCall());
        runtime.prepareNextCall();

        assertEquals(2, started.size());
        assertEquals(640, started.get(1).width());
        assertEquals(480, started.get(1).height());
        assertTrue(runtime.preparedForNextCall());
    }

    /** Joins the call's room on its server as a roomcall.v1 client and returns what {@code joined} announces. */
    private static List<IceServer> announcedIceServers(CallOptions call) throws InterruptedException {
        LinkedBlockingQueue<SignalMessage.Joined> joined = new LinkedBlockingQueue<>();
        SignalingClientBuilder builder = SignalingClient.builder(SignalingUrl.of(call.server(), call.room() + "-probe"),
                new SignalingListener() {
                    @Override
                    public void onStateChanged(SignalingState state, String reason) {
                    }

                    @Override
                    public void onMessage(SignalMessage message) {
                        if (message instanceof SignalMessage.Joined j) {
                            joined.add(j);
                        }
                    }
                });
        if (call.certificatePin() != null) {
            builder.pinnedCertificate(call.certificatePin());
        }
        SignalingClient client = builder.build();
        try {
            client.connect();
            SignalMessage.Joined message = joined.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no joined message from " + call.server());
            }
            return message.iceServers();
        } finally {
            client.close();
        }
    }
}
