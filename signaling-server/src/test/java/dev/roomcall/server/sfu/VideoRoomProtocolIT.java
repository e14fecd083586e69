package dev.roomcall.server.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.janus.JanusConnection;
import dev.roomcall.signaling.janus.JanusException;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomAdmin;
import dev.roomcall.signaling.janus.VideoRoomEvent;
import dev.roomcall.signaling.janus.VideoRoomPublisher;
import dev.roomcall.signaling.janus.VideoRoomSubscriber;
import dev.roomcall.testkit.Janus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The member's side of the VideoRoom protocol against Debian's Janus: joining with the pin, publishing an offer and
 * getting Janus's answer, and what Janus refuses. (Media through Janus needs real peer connections: the app's and
 * the page's own tests.)
 */
class VideoRoomProtocolIT {

    private static final Path DEPLOYMENT = Path.of(System.getProperty("roomcall.janus.config", "../packaging/server/janus"));
    private static final String KEY = "protocol-it-key";
    private static final long ROOM = 5_150_001;
    private static final String PIN = "the-pin";
    /** A minimal offer of one Opus audio and one VP8 video m-section, as a browser would make it. */
    private static final String OFFER = String.join("\r\n",
            "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1", "a=msid-semantic: WMS s",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "a=fingerprint:sha-256 12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0",
            "a=setup:actpass", "a=mid:0", "a=sendonly", "a=msid:s a", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
            "a=ssrc:1001 cname:c",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "a=fingerprint:sha-256 12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0",
            "a=setup:actpass", "a=mid:1", "a=sendonly", "a=msid:s v", "a=rtcp-mux", "a=rtpmap:96 VP8/90000",
            "a=ssrc:2002 cname:c", "");

    private static Janus janus;
    private static ScheduledExecutorService timer;
    private static JanusConnection connection;
    private static JanusSession session;

    @BeforeAll
    static void startJanusWithARoom() throws Exception {
        janus = Janus.start(DEPLOYMENT, Path.of("target", "videoroom-protocol-it"), KEY);
        timer = Executors.newSingleThreadScheduledExecutor();
        connection = JanusConnection.open(janus.uri(), Duration.ofSeconds(10), event -> { });
        session = JanusSession.create(connection, timer);
        new VideoRoomAdmin(session, KEY).create(new VideoRoomAdmin.RoomSpec(ROOM, "secret", PIN, 6, 256_000, "it"));
    }

    @AfterAll
    static void stop() {
        session.close();
        connection.close();
        timer.shutdownNow();
        janus.close();
    }

    @Test
    void aPublisherJoinsWithThePinAndItsOfferIsAnswered() throws Exception {
        List<VideoRoomEvent> heard = new CopyOnWriteArrayList<>();
        try (VideoRoomPublisher publisher = VideoRoomPublisher.join(session, ROOM, PIN, "p1", heard::add)) {
            VideoRoomEvent.Joined joined = publisher.joined();
            assertTrue(joined.id() > 0 && joined.privateId() > 0, joined.toString());
            assertEquals(List.of(), joined.publishers(), "nobody published before");

            SessionDescription answer = publisher.publish(new SessionDescription("offer", OFFER), 200_000);

            assertEquals("answer", answer.type());
            assertTrue(answer.sdp().contains("a=mid:1") && answer.sdp().contains("recvonly"),
                    "Janus receives both m-sections:\n" + answer.sdp());
        }
    }

    @Test
    void aWrongPinKeepsAStrangerOut() throws Exception {
        JanusException refused = assertThrows(JanusException.class,
                () -> VideoRoomPublisher.join(session, ROOM, "a-guess", "stranger", event -> { }));
        assertEquals(433, refused.code(), refused.getMessage());
    }

    @Test
    void subscribingToAFeedNobodyPublishesIsRefusedInWords() {
        JanusException refused = assertThrows(JanusException.class,
                () -> VideoRoomSubscriber.join(session, ROOM, PIN, 0, List.of(424_242L), event -> { }));
        assertEquals(428, refused.code(), "the VideoRoom plugin's 'no such feed': " + refused.getMessage());
    }
}
