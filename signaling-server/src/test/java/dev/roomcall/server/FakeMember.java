package dev.roomcall.server;

import dev.roomcall.signaling.SignalCodec;
import java.util.ArrayList;
import java.util.List;

/** Records what the room logic does to a member: what it was sent (decoded) and how it was closed. */
final class FakeMember implements Member {
    private static int nextId;
    final int id = ++nextId;
    final boolean extensions;
    final List<Object> sent = new ArrayList<>();
    int closeCode;
    String closeReason;

    /** Whether it joins groups; false stands for a roomcall.v1 client that connected with peers=1. */
    boolean groups = true;
    /** The id its member token hashes to; null for a member without one. */
    String claimedId;

    FakeMember(boolean extensions) {
        this.extensions = extensions;
    }

    @Override
    public boolean joinsGroups() {
        return extensions && groups;
    }

    @Override
    public String claimedId() {
        return claimedId;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean speaksExtensions() {
        return extensions;
    }

    @Override
    public void send(Payload payload) {
        sent.add(payload instanceof Payload.Text ? SignalCodec.decode(((Payload.Text) payload).text()) : payload);
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }
}
