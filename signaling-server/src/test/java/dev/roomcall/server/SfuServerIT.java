package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.JanusConnection;
import dev.roomcall.signaling.janus.JanusException;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomAdmin;
import dev.roomcall.testkit.Janus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Roomcall's server with Debian's Janus (started from the deployment's configuration): a room that grows past the
 * mesh gets a private, pinned VideoRoom whose address every member hears; the VideoRoom goes when the room empties;
 * Janus restarting gets the room back; Janus gone refuses only joins past the mesh, in words.
 */
class SfuServerIT extends ServerTestSupport {

    private static final Path DEPLOYMENT = Path.of(System.getProperty("roomcall.janus.config", "../packaging/server/janus"));
    private static final String ADMIN_KEY = "sfu-server-it-key";
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private Janus janus;

    @AfterEach
    void stopJanus() {
        timer.shutdownNow();
        if (janus != null) {
            janus.close();
        }
    }

    private void startWithJanus(Path work) throws Exception {
        janus = Janus.start(DEPLOYMENT, work, ADMIN_KEY);
        start(config -> config.roomSize(2).sfu(new SfuSettings(janus.uri(), null, ADMIN_KEY, 2, 6, 300_000)));
    }

    private static SignalMessage next(TestPeer peer) {
        return Signals.decodeWhole(peer.nextText());
    }

    /** Reads past presence until the {@code sfu} message. */
    private static SignalMessage.Sfu sfuOf(TestPeer peer) {
        SignalMessage message;
        do {
            message = next(peer);
        } while (!(message instanceof SignalMessage.Sfu));
        return (SignalMessage.Sfu) message;
    }

    private boolean existsOnJanus(long videoroom) throws JanusException {
        try (JanusConnection connection = JanusConnection.open(janus.uri(), Duration.ofSeconds(5), event -> { });
             JanusSession session = JanusSession.create(connection, timer)) {
            return new VideoRoomAdmin(session, ADMIN_KEY).exists(videoroom);
        }
    }

    private void awaitOnJanus(long videoroom, boolean exists) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (existsOnJanus(videoroom) != exists) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("videoroom " + videoroom + (exists ? " never came" : " never went") + "\n"
                        + janus.logTail());
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aRoomPastTheMeshGetsAPinnedVideoRoomThatEveryoneHearsOfAndThatGoesWithTheLastMember() throws Exception {
        startWithJanus(Path.of("target", "sfu-server-it", "grow"));
        TestPeer a = joinedRoomcall("/grows");
        TestPeer b = joinedRoomcall("/grows");
        TestPeer c = roomcall("/grows");

        assertEquals(6, assertInstanceOf(SignalMessage.Joined.class, next(c)).size(), "an SFU room's size");
        SignalMessage.Sfu told = sfuOf(c);
        assertEquals(told, sfuOf(a));
        assertEquals(told, sfuOf(b));
        assertEquals(janus.uri().toString(), told.url());
        assertTrue(existsOnJanus(told.videoroom()), "the VideoRoom exists on Janus");

        for (TestPeer member : List.of(a, b, c)) {
            member.closeQuietly();
        }
        awaitActiveRooms(0);
        awaitOnJanus(told.videoroom(), false);
    }

    @Test
    void janusRestartingGetsTheRoomBackWithTheSameIdAndPin() throws Exception {
        Path work = Path.of("target", "sfu-server-it", "restart");
        startWithJanus(work);
        joinedRoomcall("/kept");
        joinedRoomcall("/kept");
        TestPeer c = roomcall("/kept");
        next(c);
        SignalMessage.Sfu told = sfuOf(c);
        int port = janus.port();

        janus.kill();
        janus.close();
        janus = Janus.start(DEPLOYMENT, work, ADMIN_KEY, port);

        awaitOnJanus(told.videoroom(), true);
    }

    @Test
    void withJanusGoneOnlyTheJoinPastTheMeshIsRefusedAndInWords() throws Exception {
        startWithJanus(Path.of("target", "sfu-server-it", "gone"));
        janus.close();
        TestPeer a = joinedRoomcall("/meshonly");
        joinedRoomcall("/meshonly");

        TestPeer c = roomcall("/meshonly");

        assertEquals(new SignalMessage.RoomFull("meshonly", Rooms.REASON_SFU_UNAVAILABLE), next(c));
        assertEquals(Rooms.REASON_SFU_UNAVAILABLE, c.awaitClose().reason());
        awaitActiveMembers(2);
        assertInstanceOf(SignalMessage.PeerJoined.class, next(a), "the two in the mesh are still in their room");
    }
}
