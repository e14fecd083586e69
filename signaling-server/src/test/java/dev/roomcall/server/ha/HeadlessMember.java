package dev.roomcall.server.ha;

import dev.roomcall.signaling.IceCandidate;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalingClient;
import dev.roomcall.signaling.SignalingListener;
import dev.roomcall.signaling.SignalingState;
import dev.roomcall.signaling.SignalingUrl;
import java.net.URI;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One member of a room, as the app's signaling layer is: a {@link SignalingClient} (its reconnects, its queue)
 * that keeps sending numbered candidates to its peer and checks every message it receives: from its own room, from
 * its peer, each number once.
 */
final class HeadlessMember implements SignalingListener {

    final String room;
    final String name;
    final String peerName;
    private final SignalingClient client;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger opens = new AtomicInteger();
    /** When each numbered message was sent (index = number - 1), to tell in which phase a lost one was sent. */
    private final List<Long> sentAt = java.util.Collections.synchronizedList(new ArrayList<>());
    // Guarded by this.
    private final Set<Integer> receivedNumbers = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private boolean open;
    private boolean withPeer;

    HeadlessMember(URI proxy, KeyStore trust, String room, String name, String peerName) {
        this.room = room;
        this.name = name;
        this.peerName = peerName;
        this.client = SignalingClient.builder(SignalingUrl.of(proxy.toString(), room), this).trustStore(trust).build();
    }

    void connect() {
        client.connect();
    }

    /** Sends the next numbered message; between nodes the client keeps it until it is connected again. */
    void sendNext() {
        int number;
        synchronized (sentAt) {
            number = sent.incrementAndGet();
            sentAt.add(System.nanoTime());
        }
        // The candidate line is opaque to the server; sdpMid says whose and which room.
        client.send(new SignalMessage.Candidate(new IceCandidate(
                "candidate:" + number + " 1 udp 1 192.0.2.1 9 typ host", room + "/" + name, 0, null)));
    }

    int sentCount() {
        return sent.get();
    }

    @Override
    public synchronized void onStateChanged(SignalingState state, String reason) {
        open = state == SignalingState.OPEN;
        if (open) {
            opens.incrementAndGet();
        } else {
            withPeer = false;
        }
        if (state == SignalingState.CLOSED) {
            problems.add(name + " closed for good: " + reason);
        }
    }

    @Override
    public synchronized void onMessage(SignalMessage message) {
        if (message instanceof SignalMessage.Joined joined) {
            withPeer = joined.peers() >= 1;
        } else if (message instanceof SignalMessage.PeerJoined) {
            withPeer = true;
        } else if (message instanceof SignalMessage.PeerLeft) {
            withPeer = false;
        } else if (message instanceof SignalMessage.Candidate candidate) {
            String from = candidate.candidate().sdpMid();
            if (!(room + "/" + peerName).equals(from)) {
                problems.add(name + " in " + room + " received a message from " + from);
                return;
            }
            int number = Integer.parseInt(candidate.candidate().candidate().split("[: ]")[1]);
            if (!receivedNumbers.add(number)) {
                problems.add(name + " in " + room + " received message " + number + " twice");
            }
        } else if (message instanceof SignalMessage.Invalid || message instanceof SignalMessage.ServerError) {
            problems.add(name + " received " + message);
        }
    }

    /** Connected, and the server says the peer is in the room on this connection. */
    synchronized boolean isWithPeer() {
        return open && withPeer;
    }

    /** How many times a connection opened (the first one included). */
    int opens() {
        return opens.get();
    }

    synchronized boolean received(int number) {
        return receivedNumbers.contains(number);
    }

    /** When the messages this member sent that {@code peer} never received were sent (System.nanoTime). */
    List<Long> lostSendTimes(HeadlessMember peer) {
        List<Long> lost = new ArrayList<>();
        synchronized (sentAt) {
            for (int number = 1; number <= sentAt.size(); number++) {
                if (!peer.received(number)) {
                    lost.add(sentAt.get(number - 1));
                }
            }
        }
        return lost;
    }

    synchronized int receivedCount() {
        return receivedNumbers.size();
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    void close() {
        client.close();
    }
}
