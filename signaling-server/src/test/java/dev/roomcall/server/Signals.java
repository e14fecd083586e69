package dev.roomcall.server;

import dev.roomcall.signaling.IceCandidate;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;

/** Valid demo-protocol messages with a tag inside, so a test can tell them apart on arrival. */
final class Signals {

    private Signals() {}

    static String offer(String tag) {
        return SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", sdp(tag))));
    }

    static String answer(String tag) {
        return SignalCodec.encode(new SignalMessage.Answer(new SessionDescription("answer", sdp(tag))));
    }

    static String candidate(String tag) {
        return SignalCodec.encode(new SignalMessage.Candidate(
                new IceCandidate("candidate:" + tag + " 1 udp 2122260223 192.0.2.1 54400 typ host", "0", 0)));
    }

    static String bye() {
        return SignalCodec.encode(new SignalMessage.Bye());
    }

    static SignalMessage decode(String text) {
        return SignalCodec.decode(text);
    }

    private static String sdp(String tag) {
        return "v=0\r\no=- " + tag + " 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    }
}
