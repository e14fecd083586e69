package dev.roomcall.signaling;

import java.util.List;
import java.util.Objects;

/**
 * Everything that travels over the signaling socket, already decoded.
 * The first three are the browser demos' own messages; the rest are Roomcall's extensions
 * ({@link Extension}), which only connections that negotiated {@link Protocol#SUBPROTOCOL} see.
 */
public sealed interface SignalMessage {

    /** Marks Roomcall-only messages: a plain demo page must never receive one. */
    sealed interface Extension extends SignalMessage {}

    record Offer(SessionDescription description) implements SignalMessage {
        public Offer {
            Objects.requireNonNull(description, "description");
        }
    }

    record Answer(SessionDescription description) implements SignalMessage {
        public Answer {
            Objects.requireNonNull(description, "description");
        }
    }

    record Candidate(IceCandidate candidate) implements SignalMessage {
        public Candidate {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /**
     * The server's welcome: which room this connection is in, how many others were already there
     * (so the second joiner knows to offer), the ICE servers the deployment wants used, and how many
     * messages the member already there sent while alone, which the server delivers right after
     * this one. A member that does not speak Roomcall's extensions (a demo page) may have queued an
     * offer: the newcomer must answer it rather than make a competing offer of its own.
     *
     * <p>{@code relayOnly} is the deployment asking for ICE transport policy {@code relay}: only TURN-relayed
     * candidates, so neither person learns the other's addresses.
     */
    record Joined(String room, int peers, List<IceServer> iceServers, int queued, boolean relayOnly) implements Extension {
        public Joined {
            Objects.requireNonNull(room, "room");
            iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
            if (peers < 0 || queued < 0) {
                throw new IllegalArgumentException("peers and queued cannot be negative");
            }
        }

        public Joined(String room, int peers, List<IceServer> iceServers, int queued) {
            this(room, peers, iceServers, queued, false);
        }

        public Joined(String room, int peers, List<IceServer> iceServers) {
            this(room, peers, iceServers, 0, false);
        }
    }

    record PeerJoined() implements Extension {}

    record PeerLeft() implements Extension {}

    record RoomFull(String room) implements Extension {}

    /** Sent by a client that hangs up on purpose, so the peer hears it at once. */
    record Bye() implements Extension {}

    record ServerError(String code, String message) implements Extension {}

    /**
     * A message that could not be understood. Decoding never throws: the session carries on
     * and whoever listens decides whether to log or show it.
     */
    record Invalid(Problem problem, String detail) implements SignalMessage {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }
    }

    enum Problem {
        /** Not JSON, not UTF-8, wrong types or missing fields. */
        MALFORMED,
        /** Valid JSON in neither dialect, or an event name nobody knows. */
        UNKNOWN,
        /** Longer than {@link SignalCodec#MAX_MESSAGE_BYTES}. */
        TOO_LARGE
    }
}
