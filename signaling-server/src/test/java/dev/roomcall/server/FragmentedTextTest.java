package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.java_websocket.enums.Opcode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server takes text messages as frames: a message sent in several frames is relayed whole, its limits and its
 * UTF-8 are judged on the whole message, and binary messages and pings in between are unaffected.
 */
class FragmentedTextTest extends ServerTestSupport {

    @BeforeEach
    void startServer() {
        start();
    }

    @Test
    void aTextMessageInSeveralFramesIsRelayedWholeEvenWithACharacterSplitBetweenFrames() {
        TestPeer a = plain("/fragments");
        TestPeer b = plain("/fragments");
        String offer = SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "v=0 naïve ünïcödé 🎥")));
        byte[] bytes = offer.getBytes(StandardCharsets.UTF_8);
        int inTheCamera = indexOf(bytes, (byte) 0xf0) + 2;

        sendInFrames(a, bytes, 5, inTheCamera, bytes.length - 3);

        assertEquals(offer, b.nextText());
    }

    @Test
    void aBinaryMessageBetweenTwoFragmentedTextMessagesKeepsItsPlace() {
        TestPeer a = plain("/mixed");
        TestPeer b = plain("/mixed");
        byte[] candidate = Signals.candidate("binary").getBytes(StandardCharsets.UTF_8);

        sendInFrames(a, Signals.offer("first").getBytes(StandardCharsets.UTF_8), 10);
        a.send(ByteBuffer.wrap(candidate));
        a.sendPing();
        sendInFrames(a, Signals.answer("second").getBytes(StandardCharsets.UTF_8), 3, 20);

        assertEquals(Signals.offer("first"), b.nextText());
        TestPeer.Received binary = b.next();
        assertTrue(Arrays.equals(candidate, binary.binary()), "binary relayed as binary");
        assertEquals(Signals.answer("second"), b.nextText());
    }

    @Test
    void fragmentsAddingUpToMoreThanTheLimitCloseTheSenderWith1009() {
        TestPeer a = joinedRoomcall("/too-big");
        TestPeer b = joinedRoomcall("/too-big");
        byte[] half = new byte[SignalCodec.MAX_MESSAGE_BYTES / 2 + 1];
        Arrays.fill(half, (byte) 'a');

        a.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(half), false);
        a.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(half), true);

        TestPeer.Closed closed = a.awaitClose();
        assertEquals(StatusCode.MESSAGE_TOO_LARGE, closed.code());
        assertTrue(closed.reason().contains("too large"), closed.reason());
        assertEquals(new SignalMessage.PeerLeft(), Signals.decode(b.nextText()));
    }

    @Test
    void aTextMessageThatIsNotUtf8OnlyOnceWholeClosesTheSenderWith1007() {
        TestPeer a = joinedRoomcall("/bad-bytes");
        TestPeer b = joinedRoomcall("/bad-bytes");
        byte[] bytes = Signals.offer("x").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 5] = (byte) 0xc3;   // a lead byte followed by ASCII: broken only when the frames are joined

        sendInFrames(a, bytes, bytes.length - 5);

        TestPeer.Closed closed = a.awaitClose();
        assertEquals(StatusCode.BAD_PAYLOAD, closed.code());
        assertEquals(SignalingEndpoint.REASON_INVALID_UTF8, closed.reason());
        assertEquals(new SignalMessage.PeerLeft(), Signals.decode(b.nextText()));
    }

    /** Sends the bytes as one text message cut at the given offsets (the client library makes the later frames CONTINUATION). */
    private static void sendInFrames(TestPeer peer, byte[] bytes, int... cuts) {
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            peer.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(bytes, from, to - from), i == cuts.length);
            from = to;
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no byte " + b);
    }
}
