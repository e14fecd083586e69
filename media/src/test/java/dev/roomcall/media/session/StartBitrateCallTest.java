package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.SharedEngine;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both descriptions a session sends tell the peer's encoder where to start; the call connects with them. */
class StartBitrateCallTest {

    private static final Pattern VP8_WITH_START = Pattern.compile(
            "a=rtpmap:(\\d+) VP8/90000\\r\\n(?:a=(?!fmtp:\\1 ).*\\r\\n)*a=fmtp:\\1 [^\\r]*x-google-start-bitrate="
                    + StartBitrate.KBPS);

    @Test
    void theOfferAndTheAnswerCarryTheStartBitrateOnTheirVideoCodecs() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();

            String offer = call.firstOffer();
            String answer = call.firstAnswer();
            assertTrue(VP8_WITH_START.matcher(offer).find(), offer);
            assertTrue(VP8_WITH_START.matcher(answer).find(), answer);
        }
    }
}
