package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.signaling.SignalMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A connection that loses its peer asks for an ICE restart by itself: after the grace period it renegotiates with
 * new ICE credentials. Here the peer goes away by closing; that a restart heals a real outage is the netns
 * end-to-end test's job.
 */
class IceRestartTest {
    private static final Pattern UFRAG = Pattern.compile("a=ice-ufrag:(\\S+)");

    @Test
    void aConnectionThatLosesItsPeerRestartsIceWithNewCredentials() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();
            String firstUfrag = ufrag(offers(call.toB).get(0));

            call.b.close();

            Await.until("an ICE restart on the side left behind", Duration.ofSeconds(60),
                    () -> !call.aEvents.iceRestarts.isEmpty(), () -> call.aEvents.toString());
            assertEquals(1, call.aEvents.iceRestarts.get(0), "the first attempt");
            assertTrue(call.aEvents.reached(ConnectionState.DISCONNECTED) || call.aEvents.reached(ConnectionState.FAILED),
                    call.aEvents.toString());
            Await.until("a restart offer", () -> offers(call.toB).size() >= 2);
            List<SignalMessage.Offer> offers = offers(call.toB);
            assertNotEquals(firstUfrag, ufrag(offers.get(offers.size() - 1)), "a restart offer carries new ICE credentials");
        }
    }

    private static List<SignalMessage.Offer> offers(Wire wire) {
        return wire.sent().stream().filter(SignalMessage.Offer.class::isInstance).map(SignalMessage.Offer.class::cast)
                .toList();
    }

    private static String ufrag(SignalMessage.Offer offer) {
        Matcher m = UFRAG.matcher(offer.description().sdp());
        assertTrue(m.find(), "offer without ice-ufrag");
        return m.group(1);
    }
}
