package dev.roomcall.server.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.janus.JanusConnection;
import dev.roomcall.signaling.janus.JanusException;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomAdmin;
import dev.roomcall.testkit.Janus;
import dev.roomcall.testkit.NodeCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment's Janus configuration (packaging/server/janus) runs Debian's Janus as Roomcall needs it: its
 * WebSocket API answers, and only a holder of the VideoRoom admin key creates rooms, which are private and pinned.
 */
class JanusDeploymentIT {

    private static final Path DEPLOYMENT = Path.of(System.getProperty("roomcall.janus.config", "../packaging/server/janus"));
    private static final String ADMIN_KEY = "deployment-it-admin-key";
    private static Janus janus;
    private static ScheduledExecutorService timer;

    @BeforeAll
    static void startJanus() throws Exception {
        janus = Janus.start(DEPLOYMENT, Path.of("target", "janus-deployment-it"), ADMIN_KEY);
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopJanus() {
        timer.shutdownNow();
        janus.close();
    }

    @Test
    void theAdminKeyCreatesAPinnedRoomThatDestroyGoesAway() throws Exception {
        try (JanusConnection connection = JanusConnection.open(janus.uri(), Duration.ofSeconds(10), event -> { });
             JanusSession session = JanusSession.create(connection, timer)) {
            VideoRoomAdmin admin = new VideoRoomAdmin(session, ADMIN_KEY);
            long room = 4_242_001;
            admin.create(new VideoRoomAdmin.RoomSpec(room, "room-secret", "room-pin", 8, 512_000, "it"));
            assertTrue(admin.exists(room), "the room exists once created\n" + janus.logTail());

            JanusException wrongSecret = assertThrows(JanusException.class, () -> admin.destroy(room, "not-the-secret"));
            assertEquals(433, wrongSecret.code(), "the VideoRoom plugin's 'unauthorized': " + wrongSecret.getMessage());
            assertTrue(admin.exists(room), "a wrong secret destroys nothing");

            admin.destroy(room, "room-secret");
            assertFalse(admin.exists(room));
            admin.destroy(room, "room-secret"); // already gone: still done, not an error
        }
    }

    @Test
    void withoutTheAdminKeyNoRoomIsCreated() throws Exception {
        try (JanusConnection connection = JanusConnection.open(janus.uri(), Duration.ofSeconds(10), event -> { });
             JanusSession session = JanusSession.create(connection, timer)) {
            VideoRoomAdmin stranger = new VideoRoomAdmin(session, "a-guess");
            long room = 4_242_002;
            JanusException refused = assertThrows(JanusException.class,
                    () -> stranger.create(new VideoRoomAdmin.RoomSpec(room, "s", "p", 4, 0, "guess")));
            assertEquals(433, refused.code(), refused.getMessage());
            assertFalse(new VideoRoomAdmin(session, ADMIN_KEY).exists(room));
        }
    }

    @Test
    void aJanusThatIsNotThereIsSaidPlainlyAndQuickly() throws Exception {
        URI nobody = URI.create("ws://127.0.0.1:" + NodeCluster.freePort());
        long started = System.nanoTime();
        JanusException unreachable = assertThrows(JanusException.class,
                () -> JanusConnection.open(nobody, Duration.ofSeconds(3), event -> { }));
        assertEquals(JanusException.UNREACHABLE, unreachable.code());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
    }
}
