package dev.roomcall.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.PeerStats;
import dev.roomcall.app.call.RemotePeer;
import dev.roomcall.app.call.StatsTotals;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
import dev.roomcall.media.stats.DtlsFingerprint;
import dev.roomcall.media.stats.DtlsVerification;
import dev.roomcall.media.stats.VideoStreamStats;
import dev.roomcall.media.stats.VideoTracks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headless stdout is a contract scripts rely on: one JSON object per line, named by "event". */
class JsonLinesReporterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLinesReporter reporter = new JsonLinesReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRoomOnTheMediaServerSaysSoAndWhenTheServerIsLostAndBack() {
        reporter.onEvent(new CallEvent.MovedToSfu(1234));
        reporter.onEvent(new CallEvent.MediaServerLost("the connection to the media server was lost"));
        reporter.onEvent(new CallEvent.MediaServerBack());
        assertEquals("{\"event\":\"moved-to-sfu\",\"videoroom\":1234}\n"
                + "{\"event\":\"media-server-lost\",\"reason\":\"the connection to the media server was lost\"}\n"
                + "{\"event\":\"media-server-back\"}\n", output());
    }

    @Test
    void onTheMediaServerStatsSayWhatWasSentOnceAndReceivedFromEveryone() {
        CallStats sending = new CallStats(0, 300, 0, 90_000, 0, 0, 0, 0, 2.0, "VP8", 0, "host");
        CallStats receiving = new CallStats(580, 0, 170_000, 0, 16_000, 320, 240, 15.0, 0, "VP8", 3, "host");
        reporter.onEvent(new CallEvent.SfuStats(sending, receiving));
        assertEquals("{\"event\":\"sfu-stats\",\"framesSent\":300,\"bytesSent\":90000,\"framesDecoded\":580,"
                + "\"bytesReceived\":170000,\"audioBytesReceived\":16000,\"packetsLost\":3,\"rttMs\":2.0,"
                + "\"candidateType\":\"host\"}\n", output());
    }

    @Test
    void firstRemoteVideoCarriesSizeAndTimeSinceJoining() {
        reporter.onEvent(new CallEvent.FirstRemoteVideo(PeerId.member("p2"), 1280, 720, 412));
        assertEquals("{\"event\":\"first-remote-video\",\"peer\":\"p2\",\"width\":1280,\"height\":720,\"ms\":412}\n",
                output());
    }

    @Test
    void statsCarryEveryCounterTheChecksRead() {
        reporter.onEvent(new CallEvent.Stats(new CallStats(10, 11, 1000, 2000, 300, 640, 480, 29.5, 12.0, "VP8", 3, "host")));
        assertEquals("{\"event\":\"stats\",\"framesDecoded\":10,\"framesSent\":11,\"bytesReceived\":1000,\"bytesSent\":2000,"
                + "\"audioBytesReceived\":300,\"width\":640,\"height\":480,\"fps\":29.5,\"rttMs\":12.0,\"codec\":\"VP8\","
                + "\"packetsLost\":3,\"candidateType\":\"host\",\"peers\":[{\"peer\":\"other\",\"name\":\"\","
                + "\"framesDecoded\":10,\"bytesReceived\":1000,\"audioBytesReceived\":300,\"width\":640,\"height\":480,"
                + "\"cameraWidth\":0,\"cameraHeight\":0,\"fps\":29.5,\"rttMs\":12.0,\"candidateType\":\"host\"}],\"screenFramesSent\":0,"
                + "\"remoteScreenFramesDecoded\":0}\n", output());
    }

    @Test
    void eachPersonsCameraSizeIsGivenApartFromTheLargestPictureWhileTheyShareAScreen() {
        VideoTracks tracks = new VideoTracks(new VideoStreamStats(320, 180, 20, 5000, 40),
                new VideoStreamStats(800, 600, 15, 9000, 30), VideoStreamStats.NONE, VideoStreamStats.NONE);
        CallStats both = new CallStats(70, 0, 14000, 0, 0, 800, 600, 20, 1.0, "VP8", 0, "host", 100, 0, 0,
                CandidatePair.NONE, tracks);
        reporter.onEvent(new CallEvent.Stats(both));
        String line = output();
        assertTrue(line.contains("\"width\":800,\"height\":600,\"cameraWidth\":320,\"cameraHeight\":180,"), line);
    }

    @Test
    void groupStatsSumTheCountersAndListEveryPersonOncePerRound() {
        CallStats ann = new CallStats(10, 11, 1000, 2000, 300, 640, 480, 29.5, 12.0, "VP8", 3, "host");
        CallStats bea = new CallStats(5, 11, 500, 2100, 200, 320, 240, 15.0, 20.0, "VP8", 1, "srflx");
        List<PeerStats> both = List.of(new PeerStats(PeerId.member("p1"), "Ann", ann),
                new PeerStats(PeerId.member("p3"), "Bea", bea));
        // Bea's round is not printed on its own: the line comes with the first person's, and holds everyone's newest.
        reporter.onEvent(new CallEvent.Stats(PeerId.member("p3"), bea, both));
        reporter.onEvent(new CallEvent.Stats(PeerId.member("p1"), ann, both));
        assertEquals("{\"event\":\"stats\",\"framesDecoded\":15,\"framesSent\":22,\"bytesReceived\":1500,"
                + "\"bytesSent\":4100,\"audioBytesReceived\":500,\"width\":640,\"height\":480,\"fps\":29.5,\"rttMs\":12.0,"
                + "\"codec\":\"VP8\",\"packetsLost\":4,\"candidateType\":\"host\",\"peers\":["
                + "{\"peer\":\"p1\",\"name\":\"Ann\",\"framesDecoded\":10,\"bytesReceived\":1000,\"audioBytesReceived\":300,"
                + "\"width\":640,\"height\":480,\"cameraWidth\":0,\"cameraHeight\":0,\"fps\":29.5,\"rttMs\":12.0,"
                + "\"candidateType\":\"host\"},"
                + "{\"peer\":\"p3\",\"name\":\"Bea\",\"framesDecoded\":5,\"bytesReceived\":500,\"audioBytesReceived\":200,"
                + "\"width\":320,\"height\":240,\"cameraWidth\":0,\"cameraHeight\":0,\"fps\":15.0,\"rttMs\":20.0,"
                + "\"candidateType\":\"srflx\"}],"
                + "\"screenFramesSent\":0,\"remoteScreenFramesDecoded\":0}\n", output());
    }

    @Test
    void onTheMediaServerTheStatsLineCountsWhatTheConnectionsCarriedOnceAndListsEveryPerson() {
        // Each person's entry says what came from them; what was sent went once to the media server for both.
        CallStats ann = new CallStats(10, 45, 1000, 2000, 300, 320, 240, 15.0, 2.0, "VP8", 0, "host");
        CallStats bea = new CallStats(5, 45, 500, 2000, 200, 320, 240, 15.0, 2.0, "VP8", 1, "host");
        reporter.onEvent(new CallEvent.Stats(PeerId.member("p1"), ann, List.of(new PeerStats(PeerId.member("p1"),
                "Ann", ann), new PeerStats(PeerId.member("p3"), "Bea", bea)), new StatsTotals(15, 45, 1800, 2000, 500, 1)));
        String line = output();
        assertTrue(line.startsWith("{\"event\":\"stats\",\"framesDecoded\":15,\"framesSent\":45,"
                + "\"bytesReceived\":1800,\"bytesSent\":2000,\"audioBytesReceived\":500,"), line);
        assertTrue(line.contains("\"packetsLost\":1,"), line);
        assertTrue(line.contains("{\"peer\":\"p1\",\"name\":\"Ann\",\"framesDecoded\":10,"), line);
        assertTrue(line.contains("{\"peer\":\"p3\",\"name\":\"Bea\",\"framesDecoded\":5,"), line);
    }

    @Test
    void comingLeavingAndNamingSayWhoAndTheirName() {
        reporter.onEvent(new CallEvent.Joined("r", 1, List.of(new RemotePeer(PeerId.member("p1"), "Ann"))));
        reporter.onEvent(new CallEvent.PeerJoined(PeerId.member("p3"), ""));
        reporter.onEvent(new CallEvent.PeerName(PeerId.member("p3"), "<b>Bea</b>"));
        reporter.onEvent(new CallEvent.PeerLeft(PeerId.member("p3"), "<b>Bea</b>", "left"));
        assertEquals("{\"event\":\"joined\",\"room\":\"r\",\"peers\":1,\"members\":[{\"peer\":\"p1\",\"name\":\"Ann\"}]}\n"
                + "{\"event\":\"peer-joined\",\"peer\":\"p3\",\"name\":\"\"}\n"
                + "{\"event\":\"peer-name\",\"peer\":\"p3\",\"name\":\"<b>Bea</b>\"}\n"
                + "{\"event\":\"peer-left\",\"peer\":\"p3\",\"name\":\"<b>Bea</b>\",\"reason\":\"left\"}\n", output());
    }

    @Test
    void statsNameTheSelectedCandidatePairLikeThePageDoes() {
        CandidatePair pair = new CandidatePair(new CandidatePair.Candidate("relay", "192.0.2.2", 50000, "udp", "tcp"),
                new CandidatePair.Candidate("relay", "192.0.2.2", 50001, "udp", ""));
        reporter.onEvent(new CallEvent.Stats(new CallStats(0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0, "relay", 0, 0, 0, pair)));
        assertTrue(output().contains(",\"candidateType\":\"relay\",\"candidatePair\":{"
                + "\"local\":{\"type\":\"relay\",\"address\":\"192.0.2.2\",\"port\":50000,\"protocol\":\"udp\","
                + "\"relayProtocol\":\"tcp\"},"
                + "\"remote\":{\"type\":\"relay\",\"address\":\"192.0.2.2\",\"port\":50001,\"protocol\":\"udp\"}},\"peers\":["),
                output());
    }

    @Test
    void theVerificationCodeComesWithBothFingerprints() {
        reporter.onEvent(new CallEvent.Verification(DtlsVerification.of(
                new DtlsFingerprint("sha-256", "00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F"),
                new DtlsFingerprint("sha-256", "FF:FE:FD:FC:FB:FA:F9:F8:F7:F6:F5:F4:F3:F2:F1:F0:EF:EE:ED:EC:EB:EA:E9:E8:E7:E6:E5:E4:E3:E2:E1:E0"))));
        assertEquals("{\"event\":\"verification\",\"peer\":\"other\",\"code\":\"148373\","
                + "\"localFingerprint\":\"sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F\","
                + "\"remoteFingerprint\":\"sha-256 FF:FE:FD:FC:FB:FA:F9:F8:F7:F6:F5:F4:F3:F2:F1:F0:EF:EE:ED:EC:EB:EA:E9:E8:E7:E6:E5:E4:E3:E2:E1:E0\"}\n",
                output());
    }

    @Test
    void aFullRoomIsAnErrorWithAStableCode() {
        reporter.onEvent(new CallEvent.RoomFull("abcd-efgh-jkmnp"));
        assertEquals("{\"event\":\"error\",\"code\":\"room-full\",\"message\":\"Room abcd-efgh-jkmnp is full.\"}\n",
                output());
    }

    @Test
    void aFullRoomSaysWhyInTheServersWords() {
        reporter.onEvent(new CallEvent.RoomFull("abcd-efgh-jkmnp",
                "room full: a page without group calls (no roomcall.v1) limits this room to two"));
        assertEquals("{\"event\":\"error\",\"code\":\"room-full\",\"message\":\"room full: a page without group calls "
                + "(no roomcall.v1) limits this room to two\"}\n", output());
    }

    @Test
    void textWithQuotesAndNewlinesStaysOnOneLine() {
        reporter.onEvent(new CallEvent.Error("x", "line one\nline \"two\" <b>"));
        assertEquals("{\"event\":\"error\",\"code\":\"x\",\"message\":\"line one\\nline \\\"two\\\" <b>\"}\n", output());
    }

    @Test
    void anIceRestartSaysWhichAttemptItIs() {
        reporter.onEvent(new CallEvent.IceRestart(2));
        assertEquals("{\"event\":\"ice-restart\",\"peer\":\"other\",\"attempt\":2}\n", output());
    }

    @Test
    void everyEventHasALine() {
        CallEvent[] all = {
            new CallEvent.SignalingOpen("ws://h/"), new CallEvent.SignalingLost("gone"), new CallEvent.Joined("r", 1),
            new CallEvent.PeerJoined(), new CallEvent.Connected(5), new CallEvent.Disconnected(),
            new CallEvent.PeerLeft("bye"), new CallEvent.Ended("hang-up")
        };
        for (CallEvent event : all) {
            reporter.onEvent(event);
        }
        String[] lines = output().split("\n");
        assertEquals(all.length, lines.length);
        String[] names = {"signaling-open", "signaling-lost", "joined", "peer-joined", "connected", "disconnected", "peer-left", "ended"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(true, lines[i].startsWith("{\"event\":\"" + names[i] + "\""), lines[i]);
        }
    }
}
