package dev.roomcall.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.media.CallStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Headless stdout is a contract scripts rely on: one JSON object per line, named by "event". */
class JsonLinesReporterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLinesReporter reporter = new JsonLinesReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void firstRemoteVideoCarriesSizeAndTimeSinceJoining() {
        reporter.onEvent(new CallEvent.FirstRemoteVideo(1280, 720, 412));
        assertEquals("{\"event\":\"first-remote-video\",\"width\":1280,\"height\":720,\"ms\":412}\n", output());
    }

    @Test
    void statsCarryEveryCounterTheChecksRead() {
        reporter.onEvent(new CallEvent.Stats(new CallStats(10, 11, 1000, 2000, 300, 640, 480, 29.5, 12.0, "VP8", 3, "host")));
        assertEquals("{\"event\":\"stats\",\"framesDecoded\":10,\"framesSent\":11,\"bytesReceived\":1000,\"bytesSent\":2000,"
                + "\"audioBytesReceived\":300,\"width\":640,\"height\":480,\"fps\":29.5,\"rttMs\":12.0,\"codec\":\"VP8\","
                + "\"packetsLost\":3,\"candidateType\":\"host\"}\n", output());
    }

    @Test
    void aFullRoomIsAnErrorWithAStableCode() {
        reporter.onEvent(new CallEvent.RoomFull("abcd-efgh-jkmnp"));
        assertEquals("{\"event\":\"error\",\"code\":\"room-full\",\"message\":\"Room abcd-efgh-jkmnp already has two people in it.\"}\n",
                output());
    }

    @Test
    void textWithQuotesAndNewlinesStaysOnOneLine() {
        reporter.onEvent(new CallEvent.Error("x", "line one\nline \"two\" <b>"));
        assertEquals("{\"event\":\"error\",\"code\":\"x\",\"message\":\"line one\\nline \\\"two\\\" <b>\"}\n", output());
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
