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

    /**
     * An SDP offer. In a room of more than two, {@code from} is the sender's member id and {@code to} the addressee's
     * (the server relays it to that member only); both are null in a 1:1 call, where the server relays to the other.
     */
    record Offer(SessionDescription description, String from, String to) implements SignalMessage {
        public Offer {
            Objects.requireNonNull(description, "description");
        }

        public Offer(SessionDescription description) {
            this(description, null, null);
        }
    }

    /** An SDP answer; {@code from}/{@code to} as for {@link Offer}. */
    record Answer(SessionDescription description, String from, String to) implements SignalMessage {
        public Answer {
            Objects.requireNonNull(description, "description");
        }

        public Answer(SessionDescription description) {
            this(description, null, null);
        }
    }

    /** An ICE candidate; {@code from}/{@code to} as for {@link Offer}. */
    record Candidate(IceCandidate candidate, String from, String to) implements SignalMessage {
        public Candidate {
            Objects.requireNonNull(candidate, "candidate");
        }

        public Candidate(IceCandidate candidate) {
            this(candidate, null, null);
        }
    }

    /**
     * A member of a room as others see it: its id in the room, its display name ({@code ""} until it says one) and
     * whether it is a demo page without {@code roomcall.v1}, to which messages go unaddressed as in a 1:1 call.
     */
    record Peer(String id, String name, boolean demo) {
        public Peer {
            Objects.requireNonNull(id, "id");
            name = name == null ? "" : name;
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
     *
     * <p>Group calls: {@code id} is this connection's own member id (null from a server without groups),
     * {@code members} the members already there, in the order they joined, and {@code size} how many the room
     * holds (0: not said, i.e. two).
     */
    record Joined(String room, int peers, List<IceServer> iceServers, int queued, boolean relayOnly, String id,
                  List<Peer> members, int size) implements Extension {
        public Joined {
            Objects.requireNonNull(room, "room");
            iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
            members = members == null ? List.of() : List.copyOf(members);
            if (peers < 0 || queued < 0 || size < 0) {
                throw new IllegalArgumentException("peers, queued and size cannot be negative");
            }
        }

        public Joined(String room, int peers, List<IceServer> iceServers, int queued, boolean relayOnly) {
            this(room, peers, iceServers, queued, relayOnly, null, List.of(), 0);
        }

        public Joined(String room, int peers, List<IceServer> iceServers, int queued) {
            this(room, peers, iceServers, queued, false);
        }

        public Joined(String room, int peers, List<IceServer> iceServers) {
            this(room, peers, iceServers, 0, false);
        }
    }

    /** Someone joined: its member id and name (both null from a server without groups). */
    record PeerJoined(String peer, String name, boolean demo) implements Extension {
        public PeerJoined() {
            this(null, null, false);
        }
    }

    /** Someone left: its member id and name (both null from a server without groups). */
    record PeerLeft(String peer, String name) implements Extension {
        public PeerLeft() {
            this(null, null);
        }
    }

    /** A member said its display name (already bounded by the server as {@code DisplayText.Kind.NAME}). */
    record PeerName(String peer, String name) implements Extension {
        public PeerName {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The room's media goes through an SFU from now on: a Janus VideoRoom, reached at {@code url} (Janus's WebSocket
     * API), joined with {@code pin}. Sent right after {@code joined} in such a room, and to everyone when a room
     * grows into one. Only the server sends it.
     */
    record Sfu(String url, long videoroom, String pin) implements Extension {
        public Sfu {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(pin, "pin");
            if (videoroom <= 0) {
                throw new IllegalArgumentException("a VideoRoom id is positive");
            }
        }
    }

    /** Sent by a client to say its display name; the server bounds it and tells the others. */
    record Hello(String name) implements Extension {
        public Hello {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The room has no place; {@code message} says why in words when it is not simply full (null otherwise). */
    record RoomFull(String room, String message) implements Extension {
        public RoomFull(String room) {
            this(room, null);
        }
    }

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
