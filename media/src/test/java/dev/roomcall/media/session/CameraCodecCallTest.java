package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.stats.CallStats;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The camera is sent in H.264 both ways when both sides have it: asked for first in the offer and in the answer. */
class CameraCodecCallTest {

    private static final Pattern FIRST_VIDEO_SECTION = Pattern.compile("m=video \\d+ \\S+ (\\d+)[^\\r]*\\r\\n((?:(?!m=).*\\r\\n)*)");

    @Test
    void bothSidesSendAndReceiveTheCameraInH264() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();

            String offer = call.firstOffer();
            String answer = call.firstAnswer();
            assertEquals("H264", firstCameraCodec(offer), offer);
            assertEquals("H264", firstCameraCodec(answer), answer);

            for (RecordingListener side : java.util.List.of(call.aEvents, call.bEvents)) {
                Await.until("video statistics naming the codec",
                        () -> side.stats.stream().anyMatch(s -> s.framesDecoded() > 0 && !s.codec().isEmpty()),
                        side::toString);
                CallStats decoding = side.stats.stream().filter(s -> s.framesDecoded() > 0 && !s.codec().isEmpty())
                        .reduce((first, second) -> second).orElseThrow();
                assertEquals("H264", decoding.codec(), decoding.toString());
            }
        }
    }

    /** The codec name of the first payload type the first video m-section lists: the one the peer sends with. */
    private static String firstCameraCodec(String sdp) {
        Matcher section = FIRST_VIDEO_SECTION.matcher(sdp);
        assertTrue(section.find(), sdp);
        Matcher rtpmap = Pattern.compile("a=rtpmap:" + section.group(1) + " ([^/]+)/").matcher(section.group(2));
        assertTrue(rtpmap.find(), section.group());
        return rtpmap.group(1);
    }
}
