package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.roomcall.signaling.SignalMessage.Invalid;
import dev.roomcall.signaling.SignalMessage.Joined;
import dev.roomcall.signaling.SignalMessage.Offer;
import dev.roomcall.signaling.SignalMessage.Peer;
import dev.roomcall.signaling.SignalMessage.PeerJoined;
import dev.roomcall.signaling.SignalMessage.PeerLeft;
import dev.roomcall.signaling.SignalMessage.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The group-call extension on the wire: what is written, byte for byte, and what is refused. */
class GroupMessagesTest {

    private static final SessionDescription OFFER = new SessionDescription("offer", "v=0\r\n");

    @Test
    void addressedMessagesCarryFromAndToAfterTheirOwnMembersInBothDialects() {
        assertEquals("{\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}},\"from\":\"p1\",\"to\":\"p2\"}",
                SignalCodec.encode(new Offer(OFFER, "p1", "p2")));
        assertEquals("{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"},\"from\":\"p1\",\"to\":\"p2\"}",
                SignalCodec.encode(new Offer(OFFER, "p1", "p2"), Dialect.BARE));
        assertEquals("{\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}}",
                SignalCodec.encode(new Offer(OFFER)), "a 1:1 message is what it always was");
    }

    @Test
    void fromAndToMayComeAnywhereInTheObjectAsABrowserMightWriteThem() {
        assertEquals(new Offer(OFFER, "p1", "p2"), SignalCodec.decode(
                "{\"to\":\"p2\",\"from\":\"p1\",\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}}"));
    }

    @Test
    void theGroupWelcomeListsTheMembersAlreadyThereWithTheNewcomersIdAndTheRoomSize() {
        Joined joined = new Joined("r", 2, List.of(), 0, false, "p3", List.of(new Peer("p1", "Ann", false),
                new Peer("p2", "", true)), 4);
        assertEquals("{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":2,\"iceServers\":[],\"id\":\"p3\",\"size\":4,"
                + "\"members\":[{\"id\":\"p1\",\"name\":\"Ann\"},{\"id\":\"p2\",\"name\":\"\",\"demo\":true}]}}",
                SignalCodec.encode(joined));
    }

    @Test
    void presenceNamesTheMemberAndAnOldServersBarePresenceStillReads() {
        assertEquals("{\"event\":\"peer-joined\",\"data\":{\"peer\":\"p2\",\"name\":\"\"}}",
                SignalCodec.encode(new PeerJoined("p2", "", false)));
        assertEquals("{\"event\":\"peer-left\",\"data\":{\"peer\":\"p2\",\"name\":\"Bea\"}}",
                SignalCodec.encode(new PeerLeft("p2", "Bea")));
        assertEquals("{\"event\":\"hello\",\"data\":{\"name\":\"Ann\"}}", SignalCodec.encode(new SignalMessage.Hello("Ann")));
        assertEquals("{\"event\":\"peer-name\",\"data\":{\"peer\":\"p1\",\"name\":\"Ann\"}}",
                SignalCodec.encode(new SignalMessage.PeerName("p1", "Ann")));
        assertEquals(new PeerJoined(), SignalCodec.decode("{\"event\":\"peer-joined\"}"));
        assertEquals(new PeerLeft(), SignalCodec.decode("{\"event\":\"peer-left\"}"));
        assertEquals(new Joined("r", 1, List.of()), SignalCodec.decode("{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":1}}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            from is a number            | {"event":"_offer","data":{"sdp":{"type":"offer","sdp":"v"}},"from":1}      | 'from' is not a string
            to is an object             | {"candidate":{"candidate":"c","sdpMid":"0"},"to":{}}                      | 'to' is not a string
            members is not an array     | {"event":"joined","data":{"room":"r","peers":0,"members":{}}}              | 'members' is not an array
            a member is not an object   | {"event":"joined","data":{"room":"r","peers":0,"members":["p1"]}}          | a members entry is not an object
            a member has no id          | {"event":"joined","data":{"room":"r","peers":0,"members":[{"name":"x"}]}}  | 'id' is missing
            demo is a string            | {"event":"peer-joined","data":{"peer":"p1","demo":"yes"}}                  | 'demo' is not true or false
            hello without a name        | {"event":"hello","data":{}}                                                | 'name' is missing
            peer-name without a peer    | {"event":"peer-name","data":{"name":"x"}}                                  | 'peer' is missing
            sfu without a pin           | {"event":"sfu","data":{"url":"ws://j","videoroom":5}}                      | 'pin' is missing
            sfu with room zero          | {"event":"sfu","data":{"url":"ws://j","videoroom":0,"pin":"p"}}            | 'videoroom' is not a positive number
            sfu with a string room      | {"event":"sfu","data":{"url":"ws://j","videoroom":"5","pin":"p"}}          | 'videoroom' is not a number
            """)
    void brokenGroupFieldsAreMalformedWithTheirReason(String what, String json, String detail) {
        SignalMessage decoded = SignalCodec.decode(json);
        assertInstanceOf(Invalid.class, decoded, what);
        assertEquals(new Invalid(Problem.MALFORMED, detail), decoded, what);
    }
}
