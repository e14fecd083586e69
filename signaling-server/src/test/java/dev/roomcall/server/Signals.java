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

    /**
     * The message as a client that knows nothing of group calls reads it: the 1:1 tests check that such a client
     * still gets what it always got, so the group fields (member ids, names, room size) are left out here and
     * checked by the group tests ({@link #decodeWhole}).
     */
    static SignalMessage decode(String text) {
        return asOneToOne(SignalCodec.decode(text));
    }

    /** The message without its group fields, as a client that knows nothing of group calls reads it. */
    static SignalMessage asOneToOne(SignalMessage message) {
        if (message instanceof SignalMessage.Joined j) {
            return new SignalMessage.Joined(j.room(), j.peers(), j.iceServers(), j.queued(), j.relayOnly());
        }
        if (message instanceof SignalMessage.PeerJoined) {
            return new SignalMessage.PeerJoined();
        }
        if (message instanceof SignalMessage.PeerLeft) {
            return new SignalMessage.PeerLeft();
        }
        return message;
    }

    /** The message with every field, group fields included. */
    static SignalMessage decodeWhole(String text) {
        return SignalCodec.decode(text);
    }

    private static String sdp(String tag) {
        return "v=0\r\no=- " + tag + " 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    }
}
