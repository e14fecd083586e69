package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerMessageCodecTest {

    @Test
    void chatIsTheJsonTheBrowserPageSendsAndReads() {
        assertEquals("{\"type\":\"chat\",\"text\":\"hi <there> \\\"you\\\"\"}",
                PeerMessageCodec.encode(new PeerMessage.Chat("hi <there> \"you\"", false)));
        assertEquals(Optional.of(new PeerMessage.Chat("hello", false)),
                PeerMessageCodec.decode("{\"type\":\"chat\",\"text\":\"hello\"}"));
    }

    @Test
    void aShortenedChatSaysSoOnTheWire() {
        String json = PeerMessageCodec.encode(new PeerMessage.Chat("cut", true));
        assertEquals("{\"type\":\"chat\",\"text\":\"cut\",\"shortened\":true}", json);
        assertEquals(Optional.of(new PeerMessage.Chat("cut", true)), PeerMessageCodec.decode(json));
    }

    @Test
    void mediaStateRoundTrips() {
        PeerMessage state = new PeerMessage.MediaState(false, true);
        assertEquals("{\"type\":\"media\",\"microphone\":false,\"camera\":true}", PeerMessageCodec.encode(state));
        assertEquals(Optional.of(state), PeerMessageCodec.decode(PeerMessageCodec.encode(state)));
    }

    @Test
    void aReceivedChatIsBoundedWhateverTheSenderDid() {
        String huge = "y".repeat(ChatText.MAX_CHARS * 3);
        PeerMessage.Chat chat = (PeerMessage.Chat) PeerMessageCodec.decode(
                "{\"type\":\"chat\",\"text\":\"" + huge + "\"}").orElseThrow();
        assertEquals(ChatText.MAX_CHARS, chat.text().length());
        assertTrue(chat.shortened());
    }

    @Test
    void anythingElseIsIgnoredWithoutThrowing() {
        for (String frame : new String[] {
                "", "not json", "[]", "\"chat\"", "{}", "{\"type\":\"chat\"}", "{\"type\":\"chat\",\"text\":5}",
                "{\"type\":\"chat\",\"text\":{\"a\":1}}", "{\"type\":\"html\",\"text\":\"<script>\"}",
                "{\"type\":\"media\",\"microphone\":\"no\",\"camera\":true}", "{type:chat,text:lenient}",
                "{\"type\":\"chat\",\"text\":\"a\"} trailing", "[".repeat(5000),
                "{\"type\":\"chat\",\"text\":\"" + "z".repeat(PeerMessageCodec.MAX_FRAME_BYTES) + "\"}"}) {
            assertEquals(Optional.empty(), PeerMessageCodec.decode(frame), frame.length() > 60 ? frame.substring(0, 60) : frame);
        }
        assertEquals(Optional.empty(), PeerMessageCodec.decode(null));
    }
}
