package dev.roomcall.media.session;

import static dev.roomcall.media.synthetic.TestSources.mostlyBlue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.CallExecutors;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.synthetic.SyntheticVideo;
import dev.roomcall.media.synthetic.TestSources;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A publication to a media server that sends only some local tracks (a member's camera feed, its screen feed): the
 * shared screen goes out on a session of its own, and the camera's session never offers it.
 */
class PublishingSessionTest {

    private static final class Feeds implements SessionListener {
        final Map<String, Integer> widths = new ConcurrentHashMap<>();

        @Override
        public void onRemoteVideo(String mid, int width, int height) {
            widths.put(mid, width);
        }
    }

    @Test
    void aScreenPublicationSendsTheScreenAloneAndTheCameraPublicationNeverOffersIt() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia media = engine.localMedia();
        Wire toScreenFeed = new Wire();
        Wire toScreenPublisher = new Wire();
        Wire toCameraFeed = new Wire();
        Wire toCameraPublisher = new Wire();
        Feeds screenFeed = new Feeds();
        Feeds cameraFeed = new Feeds();
        PeerSession camera = engine.createSession(SessionConfig.publishing(Set.of(LocalMedia.MICROPHONE,
                LocalMedia.CAMERA), List.of(), false), CallExecutors.A, toCameraFeed, new RecordingListener());
        PeerSession cameraSubscription = engine.createSession(SessionConfig.subscription(List.of(), false),
                CallExecutors.B, toCameraPublisher, cameraFeed);
        toCameraFeed.connectTo(cameraSubscription);
        toCameraPublisher.connectTo(camera);
        SyntheticVideo blue = TestSources.blue("screen-feed", SharedEngine.WIDTH, SharedEngine.HEIGHT, 15);
        blue.start();
        PeerSession screen = null;
        PeerSession screenSubscription = null;
        FrameSource.Watch cameraView = null;
        FrameSource.Watch screenView = null;
        try {
            cameraSubscription.start(false);
            camera.start(true);
            Await.until("the camera feed arrives", () -> !cameraFeed.widths.isEmpty());
            FrameSource cameraPicture = cameraSubscription.remoteVideo(cameraFeed.widths.keySet().iterator().next());
            cameraView = cameraPicture.watch();

            media.addVideoTrack(LocalMedia.SCREEN, new LocalMedia.Input<>(blue.source(), blue::close));
            screen = engine.createSession(SessionConfig.publishing(Set.of(LocalMedia.SCREEN), List.of(), false),
                    CallExecutors.A, toScreenFeed, new RecordingListener());
            screenSubscription = engine.createSession(SessionConfig.subscription(List.of(), false), CallExecutors.B,
                    toScreenPublisher, screenFeed);
            toScreenFeed.connectTo(screenSubscription);
            toScreenPublisher.connectTo(screen);
            screenSubscription.start(false);
            screen.start(true);

            Await.until("the screen feed arrives", () -> !screenFeed.widths.isEmpty());
            String mid = screenFeed.widths.keySet().iterator().next();
            FrameSource screenPicture = screenSubscription.remoteVideo(mid);
            screenView = screenPicture.watch();
            Await.until("the screen feed is the shared screen", () -> mostlyBlue(screenPicture.latest()));
            String screenOffer = offers(toScreenFeed).get(0);
            assertEquals(1, sections(screenOffer, "m=video"), screenOffer);
            assertEquals(0, sections(screenOffer, "m=audio"), "no microphone on the screen feed:\n" + screenOffer);
            for (String offer : offers(toCameraFeed)) {
                assertEquals(1, sections(offer, "m=video"), "the camera feed never offers the screen:\n" + offer);
            }
            Await.until("the camera feed's picture", () -> cameraPicture.latest() != null);
            assertTrue(!mostlyBlue(cameraPicture.latest()), "the camera feed stays the camera");
        } finally {
            for (FrameSource.Watch view : new FrameSource.Watch[] {cameraView, screenView}) {
                if (view != null) {
                    view.close();
                }
            }
            media.removeTrack(LocalMedia.SCREEN);
            camera.close();
            cameraSubscription.close();
            if (screen != null) {
                screen.close();
            }
            if (screenSubscription != null) {
                screenSubscription.close();
            }
        }
    }

    @Test
    void aPublicationSendsSomethingAndASubscriptionNothing() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SessionConfig.publishing(Set.of(), List.of(), false));
        SessionConfig subscription = SessionConfig.subscription(List.of(), false);
        assertTrue(!subscription.sends(LocalMedia.CAMERA));
        SessionConfig mesh = new SessionConfig(false, List.of());
        assertTrue(mesh.sends(LocalMedia.CAMERA) && mesh.sends(LocalMedia.SCREEN));
        SessionConfig screen = SessionConfig.publishing(Set.of(LocalMedia.SCREEN), List.of(), false);
        assertTrue(screen.sends(LocalMedia.SCREEN) && !screen.sends(LocalMedia.CAMERA) && !screen.sends(LocalMedia.MICROPHONE));
    }

    private static List<String> offers(Wire wire) {
        return wire.sent().stream().filter(SignalMessage.Offer.class::isInstance)
                .map(m -> ((SignalMessage.Offer) m).description().sdp()).toList();
    }

    private static int sections(String sdp, String kind) {
        return (int) sdp.lines().filter(line -> line.startsWith(kind)).count();
    }
}
