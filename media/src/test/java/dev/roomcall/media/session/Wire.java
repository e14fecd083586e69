package dev.roomcall.media.session;

import dev.roomcall.signaling.Dialect;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * One direction of a signalling channel between two in-process sessions. Every message goes through the real
 * wire format (encoded to JSON and decoded again) so the records must carry real SDP and candidates. Messages can
 * be held back to stage races (glare, candidates before the offer).
 */
public final class Wire implements Signaller {
    private final List<SignalMessage> sent = new CopyOnWriteArrayList<>();
    private final List<SignalMessage> held = new ArrayList<>();
    private volatile PeerSession receiver;
    private Predicate<SignalMessage> hold = m -> false;

    void connectTo(PeerSession session) {
        this.receiver = session;
    }

    @Override
    public void send(SignalMessage message) {
        SignalMessage decoded = SignalCodec.decode(SignalCodec.encode(message, Dialect.EVENT));
        if (!decoded.equals(message)) {
            throw new AssertionError("wire format changed " + message + " into " + decoded);
        }
        sent.add(decoded);
        synchronized (this) {
            if (receiver == null || hold.test(decoded)) {
                held.add(decoded);
                return;
            }
        }
        receiver.handle(decoded);
    }

    /** Keeps matching messages back until {@link #release()}. */
    synchronized void holdWhile(Predicate<SignalMessage> condition) {
        hold = condition;
    }

    /**
     * Delivers the held messages that match {@code which} and from now on holds those that match {@code keep}
     * (held ones included).
     */
    void releaseOnly(Predicate<SignalMessage> which, Predicate<SignalMessage> keep) {
        List<SignalMessage> toDeliver = new ArrayList<>();
        synchronized (this) {
            hold = keep;
            held.stream().filter(which).forEach(toDeliver::add);
            held.removeIf(which);
        }
        toDeliver.forEach(receiver::handle);
    }

    /** Delivers held messages (those matching {@code first} before the rest) and stops holding. */
    void release(Predicate<SignalMessage> first) {
        List<SignalMessage> toDeliver = new ArrayList<>();
        synchronized (this) {
            hold = m -> false;
            held.stream().filter(first).forEach(toDeliver::add);
            held.stream().filter(first.negate()).forEach(toDeliver::add);
            held.clear();
        }
        toDeliver.forEach(receiver::handle);
    }

    void release() {
        release(m -> true);
    }

    synchronized int heldCount(Predicate<SignalMessage> which) {
        return (int) held.stream().filter(which).count();
    }

    /** Everything sent so far, in order. */
    List<SignalMessage> sent() {
        return List.copyOf(sent);
    }

    public long sentCount(Class<? extends SignalMessage> type) {
        return sent.stream().filter(type::isInstance).count();
    }

    /** The ICE candidate lines sent so far, e.g. {@code candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host}. */
    List<String> sentCandidates() {
        return sent.stream().filter(SignalMessage.Candidate.class::isInstance)
                .map(m -> ((SignalMessage.Candidate) m).candidate().candidate()).toList();
    }
}
