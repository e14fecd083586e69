package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallControls;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.RemotePeer;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.session.ChatText;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.DtlsFingerprint;
import dev.roomcall.media.stats.DtlsVerification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call screen's model on its own: events in, words and values out, commands to a fake call. */
class CallViewModelTest {

    /** Remembers what the model asked of the call. */
    private static final class FakeCall implements CallControls {
        boolean microphone = true;
        boolean camera = true;
        boolean chatOpen = true;
        double level = 0.2;
        final List<String> sent = new ArrayList<>();
        int hangUps;

        @Override
        public void setMicrophoneEnabled(boolean on) {
            microphone = on;
        }

        @Override
        public void setCameraEnabled(boolean on) {
            camera = on;
        }

        @Override
        public boolean microphoneEnabled() {
            return microphone;
        }

        @Override
        public boolean cameraEnabled() {
            return camera;
        }

        @Override
        public Optional<PeerMessage.Chat> sendChat(String text) {
            if (!chatOpen) {
                return Optional.empty();
            }
            PeerMessage.Chat chat = ChatText.bound(text);
            sent.add(chat.text());
            return Optional.of(chat);
        }

        @Override
        public double microphoneLevel() {
            return level;
        }

        @Override
        public void hangUp() {
            hangUps++;
        }
    }

    private final FakeCall call = new FakeCall();
    private long now;
    private CallViewModel model;

    @BeforeEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
        model = new CallViewModel(new CallOptions(URI.create("ws://10.0.0.5:3000/"), "abcd-efgh-jkmnp", Role.AUTO, List.of(), false, null),
                call, () -> now);
    }

    @AfterEach
    void back() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aCallFromWaitingToConnectedIsToldInWordsWithProgressAndTitle() {
        assertEquals(CallPhase.STARTING, model.phase().get());
        assertEquals("Connecting to the server…", model.status().get());
        assertTrue(model.progress().get() > 0, "connecting shows progress");

        model.accept(new CallEvent.SignalingOpen("ws://10.0.0.5:3000/"));
        model.accept(new CallEvent.Joined("abcd-efgh-jkmnp", 0));
        assertEquals(CallPhase.WAITING, model.phase().get());
        assertEquals("Waiting for someone to open the link…", model.status().get());
        assertTrue(model.detail().get().contains("link"), model.detail().get());
        assertEquals("Roomcall – Waiting – abcd-efgh-jkmnp", model.title().get());

        model.accept(new CallEvent.PeerJoined());
        assertEquals(CallPhase.CONNECTING, model.phase().get());
        double connecting = model.progress().get();
        assertTrue(connecting > 0.2 && connecting < 1, "further along: " + connecting);

        model.accept(new CallEvent.Connected(300));
        model.accept(new CallEvent.FirstRemoteVideo(640, 480, 400));
        assertEquals(CallPhase.CONNECTED, model.phase().get());
        assertTrue(model.remoteVideo().get());
        assertEquals("Roomcall – In call – abcd-efgh-jkmnp", model.title().get());
    }

    @Test
    void theVerificationCodeIsShownForThePeerItBelongsToOnly() {
        assertEquals(null, model.verification().get(), "nothing to verify before a peer");
        DtlsVerification verification = DtlsVerification.of(new DtlsFingerprint("sha-256", "AB:CD"),
                new DtlsFingerprint("sha-256", "EF:01"));
        model.accept(new CallEvent.PeerJoined());
        model.accept(new CallEvent.Verification(verification));
        model.accept(new CallEvent.Connected(300));
        assertEquals(verification, model.verification().get());

        model.accept(new CallEvent.PeerLeft("bye"));
        assertEquals(null, model.verification().get(), "the next peer brings other certificates");
    }

    @Test
    void everyTroubleHasItsOwnWordsNeverABlankPane() {
        model.accept(new CallEvent.SignalingLost("Connection refused"));
        assertEquals(CallPhase.SERVER_UNREACHABLE, model.phase().get());
        assertEquals("Can’t reach the server at 10.0.0.5:3000.", model.status().get());
        assertEquals("Connection refused. Trying again…", model.detail().get());

        model.accept(new CallEvent.SignalingOpen("ws://10.0.0.5:3000/"));
        model.accept(new CallEvent.Joined("abcd-efgh-jkmnp", 1));
        assertEquals(CallPhase.CALLING, model.phase().get());
        model.accept(new CallEvent.Connected(100));
        model.accept(new CallEvent.SignalingLost("closed"));
        assertEquals(CallPhase.SIGNALING_LOST, model.phase().get(), "once the server answered, losing it is not 'unreachable'");
        assertEquals("The call goes on meanwhile.", model.detail().get());
        model.accept(new CallEvent.Disconnected());
        assertEquals("Connection interrupted. Trying to recover…", model.status().get());
        model.accept(new CallEvent.MediaProblem(new MediaWarning(MediaWarning.AUDIO_SYSTEM_LOST, "x")));
        assertTrue(model.mediaNotice().get().startsWith("Your microphone stopped sending sound"), model.mediaNotice().get());
        model.accept(new CallEvent.MediaProblem(new MediaWarning(MediaWarning.AUDIO_SYSTEM_BACK, "y")));
        assertEquals("", model.mediaNotice().get(), "gone once the sound is back");
        model.accept(new CallEvent.IceRestart(1));
        assertEquals(CallPhase.INTERRUPTED, model.phase().get(), "an ICE restart is still the recovery");
        model.accept(new CallEvent.Connected(5000));
        assertEquals(CallPhase.CONNECTED, model.phase().get(), "back after an interruption");

        model.accept(new CallEvent.PeerLeft("bye"));
        assertEquals(CallPhase.PEER_LEFT, model.phase().get());
        assertFalse(model.remoteVideo().get());

        model.accept(new CallEvent.Error("ice-failed", "x"));
        assertEquals(CallPhase.FAILED, model.phase().get());
        assertTrue(model.status().get().startsWith("The connection to the other person failed"), model.status().get());
    }

    @Test
    void aFullRoomStaysSaidAfterTheCallEndsAndOffersAWayBack() {
        model.accept(new CallEvent.RoomFull("abcd-efgh-jkmnp"));
        model.accept(new CallEvent.Error("signaling-closed", "room full"));
        model.accept(new CallEvent.Ended("signaling closed"));
        assertEquals(CallPhase.ROOM_FULL, model.phase().get());
        assertEquals("This room is full.", model.status().get());
        assertTrue(model.ended().get());
    }

    @Test
    void aRoomKeptAtTwoSaysWhyInTheServersWords() {
        model.accept(new CallEvent.RoomFull("r", "room full: a page without group calls (no roomcall.v1) limits this room to two"));
        assertEquals("The server says: room full: a page without group calls (no roomcall.v1) limits this room to two. "
                + "Ask for a new link, or start a new room.", model.detail().get());
    }

    @Test
    void inAGroupOnePersonLeavingOrStumblingIsNotTheCallsNewsTheLastOneLeavingIs() {
        model.accept(new CallEvent.Joined("r", 1, List.of(new RemotePeer(PeerId.member("p1"), "Ann"))));
        model.accept(new CallEvent.PeerJoined(PeerId.member("p3"), "Bea"));
        model.accept(new CallEvent.Connected(PeerId.member("p1"), 300));
        model.accept(new CallEvent.Disconnected(PeerId.member("p3")));
        assertEquals(CallPhase.CONNECTED, model.phase().get(), "Bea's connection is her tile's business");

        model.accept(new CallEvent.PeerLeft(PeerId.member("p3"), "Bea", "left"));
        assertEquals(CallPhase.CONNECTED, model.phase().get(), "Ann is still there");

        model.accept(new CallEvent.PeerLeft(PeerId.member("p1"), "Ann", "left"));
        assertEquals(CallPhase.PEER_LEFT, model.phase().get());
    }

    @Test
    void theMediaServerGoingAwayIsSaidUntilItIsBack() {
        model.accept(new CallEvent.Connected(100));
        model.accept(new CallEvent.MediaServerLost("the connection to the media server was lost"));
        assertEquals("The media server cannot be reached: the pictures are paused while the call reconnects to it.",
                model.mediaNotice().get());
        model.accept(new CallEvent.MediaServerBack());
        assertEquals("", model.mediaNotice().get());
    }

    @Test
    void aHiccupOfOneNegotiationStepDoesNotInterruptARunningCall() {
        model.accept(new CallEvent.Connected(100));
        model.accept(new CallEvent.Error("bad-candidate", "cannot use the peer's ICE candidate"));
        assertEquals(CallPhase.CONNECTED, model.phase().get());
    }

    @Test
    void theWordsFollowTheLanguage() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        CallViewModel chinese = new CallViewModel(new CallOptions(URI.create("ws://h:1/"), "r", Role.AUTO, List.of(), false, null),
                call, () -> now);
        chinese.accept(new CallEvent.Joined("r", 0));
        assertEquals("正在等待对方打开链接…", chinese.status().get());
        assertEquals("Roomcall – 等待中 – r", chinese.title().get());
    }

    @Test
    void muteAndCameraGoToTheCallAndShowInTheModel() {
        model.toggleMicrophone();
        assertFalse(call.microphone);
        assertFalse(model.microphoneOn().get());
        model.tick(100);
        assertEquals(0, model.microphoneLevel().get(), "a muted meter is empty");
        model.toggleMicrophone();
        model.tick(100);
        assertTrue(model.microphoneLevel().get() > 0.7, "the tone at 0.2 shows high: " + model.microphoneLevel().get());

        model.toggleCamera();
        assertFalse(call.camera);
        assertFalse(model.cameraOn().get());
    }

    @Test
    void statisticsBecomeRatesHistoryAndQualityOnlyDuringACall() {
        model.accept(new CallEvent.Stats(new CallStats(0, 0, 5, 5, 0, 0, 0, 0, 10, "", 0, "")));
        assertEquals(0, model.history().size(), "no call, no chart");

        model.accept(new CallEvent.Connected(100));
        model.accept(new CallEvent.Stats(new CallStats(0, 0, 0, 0, 0, 640, 480, 30, 40, "VP8", 0, "relay", 0, 0.2, 0)));
        now = 1_000;
        model.accept(new CallEvent.Stats(new CallStats(30, 30, 250_000, 125_000, 4_000, 640, 480, 30, 40, "VP8", 0, "relay",
                500, 0.2, 0)));
        assertEquals(2000, model.stats().get().kbpsIn(), 1e-9);
        assertEquals("relay", model.stats().get().candidateType());
        assertEquals(NetworkQuality.GOOD, model.quality().get());
        assertEquals(2, model.history().size());
    }

    @Test
    void inARoomOnTheMediaServerTheFirstPictureIsBeingInTheCallWithItsStatistics() {
        model.accept(new CallEvent.SignalingOpen("ws://10.0.0.5:3000/"));
        model.accept(new CallEvent.Joined("abcd-efgh-jkmnp", 1));
        model.accept(new CallEvent.MovedToSfu(1234));
        assertEquals(CallPhase.CALLING, model.phase().get(), "no connection per person is coming");

        model.accept(new CallEvent.FirstRemoteVideo(640, 480, 700));
        assertEquals(CallPhase.CONNECTED, model.phase().get());
        assertTrue(model.remoteVideo().get());
        assertEquals("Roomcall – In call – abcd-efgh-jkmnp", model.title().get());
        model.accept(new CallEvent.Stats(new CallStats(30, 30, 250_000, 125_000, 4_000, 640, 480, 30, 40, "VP8", 0, "host",
                500, 0.2, 0)));
        assertEquals(640, model.stats().get().width(), "the overlay has figures");
    }

    @Test
    void theRemoteSidesMuteShowsFromWhatItSaysAndFromSilence() {
        model.accept(new CallEvent.Connected(100));
        model.peerMessage(new PeerMessage.MediaState(false, true));
        assertEquals(RemoteAudio.MUTED, model.remoteAudio().get());
        model.peerMessage(new PeerMessage.MediaState(true, false));
        assertFalse(model.remoteCameraOn().get());

        long bytes = 0;
        for (now = 0; now <= 5_000; now += 1_000) {
            bytes += 150;
            model.accept(new CallEvent.Stats(new CallStats(0, 0, now * 100, now * 100, bytes, 0, 0, 0, 5, "", 0, "", 0, 0, 0)));
        }
        assertEquals(RemoteAudio.SILENT, model.remoteAudio().get(), "a few bytes of silence a second: muted by other means");

        model.accept(new CallEvent.PeerLeft("bye"));
        assertEquals(RemoteAudio.UNKNOWN, model.remoteAudio().get(), "the next person starts unknown");
        assertTrue(model.remoteCameraOn().get());
    }

    @Test
    void chatLinesArriveCountUnreadAndTooLongOnesAreShortenedWithANote() {
        assertFalse(model.sendChat("hello"), "nobody to chat with yet");
        assertEquals(ChatEntry.From.NOTE, model.chat().entries().get(0).from());
        assertEquals(List.of(), call.sent);

        model.chatChannel(true);
        assertTrue(model.sendChat("hello"));
        assertFalse(model.sendChat("   "), "blank lines are not sent");
        assertEquals(List.of("hello"), call.sent);

        model.peerMessage(new PeerMessage.Chat("<b>hi</b>", false));
        model.peerMessage(new PeerMessage.Chat("two", false));
        assertEquals(2, model.chat().unread().get());
        ChatEntry received = model.chat().entries().get(2);
        assertEquals(new ChatEntry(ChatEntry.From.PEER, "<b>hi</b>", false, received.atMillis()), received);
        model.chat().setOpen(true);
        assertEquals(0, model.chat().unread().get(), "opening the chat reads it");
        model.peerMessage(new PeerMessage.Chat("while open", false));
        assertEquals(0, model.chat().unread().get());

        assertTrue(model.sendChat("z".repeat(ChatText.MAX_CHARS + 1)));
        List<ChatEntry> entries = model.chat().entries();
        ChatEntry mine = entries.get(entries.size() - 2);
        assertEquals(ChatText.MAX_CHARS, mine.text().length());
        assertTrue(mine.shortened());
        assertEquals("Your message was longer than 1000 characters and was shortened.", entries.get(entries.size() - 1).text());

        model.accept(new CallEvent.PeerLeft("bye"));
        assertFalse(model.chat().available().get());
        assertEquals("The other person left the chat.", model.chat().entries().get(model.chat().entries().size() - 1).text());
    }
}
