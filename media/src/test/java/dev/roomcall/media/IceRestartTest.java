package dev.roomcall.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An ICE restart renegotiates the call with new ICE credentials and media keeps flowing. (Cutting real traffic
 * to make the restart happen by itself is the netns end-to-end test's job.)
 */
class IceRestartTest {
    private static final Pattern UFRAG = Pattern.compile("a=ice-ufrag:(\\S+)");

    @Test
    void eitherSideCanRestartIceAndTheCallCarriesOnWithNewCredentials() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.a.start(true);
            call.b.start(false);
            call.awaitConnected();
            long framesBefore = call.a.remoteVideo().framesReceived();

            call.b.restartIceNow(); // the polite answerer, so the restart offer goes the other way round

            Await.until("a restart offer from b", () -> offers(call.toA).size() == 1);
            Await.until("an answer from a", () -> call.toB.sentCount(SignalMessage.Answer.class) == 1);
            String firstUfrag = ufrag(offers(call.toB).get(0));
            String restartUfrag = ufrag(offers(call.toA).get(0));
            assertNotEquals(firstUfrag, restartUfrag, "a restart offer carries new ICE credentials");
            assertEquals(List.of(1), call.bEvents.iceRestarts);

            call.awaitConnected();
            Await.until("video still arriving", () -> call.a.remoteVideo().framesReceived() > framesBefore + 10);
            assertTrue(call.aEvents.errors.isEmpty(), call.aEvents.toString());
            assertTrue(call.bEvents.errors.isEmpty(), call.bEvents.toString());
        }
    }

    private static List<SignalMessage.Offer> offers(Wire wire) {
        return wire.sent().stream().filter(SignalMessage.Offer.class::isInstance).map(SignalMessage.Offer.class::cast)
                .collect(Collectors.toList());
    }

    private static String ufrag(SignalMessage.Offer offer) {
        Matcher m = UFRAG.matcher(offer.description().sdp());
        assertTrue(m.find(), "offer without ice-ufrag");
        return m.group(1);
    }
}
