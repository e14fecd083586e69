package dev.roomcall.app.call;

import dev.roomcall.signaling.SignalMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in the room as this call knows it from the server: its own member id, everyone's display name, and
 * whether a demo page is there. With member ids and no demo page the call is a group call: one session per member,
 * every message addressed. Otherwise it is a two-person call as it always was ({@link PeerId#OTHER}, unaddressed).
 * Runs on the call's thread only.
 */
final class RoomMembers {

    private String ownId;
    private String demoId;
    /** Everyone's name by member id, in the order they came (the welcome's order, then arrivals). */
    private final Map<String, String> names = new LinkedHashMap<>();

    /** The server's welcome: our own id (null from a server without groups) and the members already there. */
    void welcome(String id, List<SignalMessage.Peer> members) {
        ownId = id;
        demoId = null;
        names.clear();
        for (SignalMessage.Peer member : members) {
            names.put(member.id(), member.name());
            if (member.demo()) {
                demoId = member.id();
            }
        }
    }

    /** Someone came in after us; null ids (a server without groups) change nothing. */
    void arrived(String id, String name, boolean demo) {
        if (id == null) {
            return;
        }
        names.put(id, name == null ? "" : name);
        if (demo) {
            demoId = id;
        }
    }

    /** Someone left; returns the name they had ({@code ""} if none). */
    String left(String id) {
        if (id == null) {
            return "";
        }
        if (id.equals(demoId)) {
            demoId = null;
        }
        String name = names.remove(id);
        return name == null ? "" : name;
    }

    void named(String id, String name) {
        names.put(id, name);
    }

    String name(String id) {
        return id == null ? "" : names.getOrDefault(id, "");
    }

    /** The other members in the order they came (ids say nothing about it: a member token's id is a hash). */
    List<RemotePeer> others() {
        return names.entrySet().stream().map(e -> new RemotePeer(PeerId.member(e.getKey()), e.getValue())).toList();
    }

    /** Our own member id, or null before the welcome or from a server without groups. */
    String ownId() {
        return ownId;
    }

    /** True when sessions go by member id and messages are addressed: the server gave ids and no demo page is here. */
    boolean grouped() {
        return ownId != null && demoId == null;
    }

    /** Whether {@code id} is the member the call holds as {@link PeerId#OTHER}: the demo page, or anyone without ids. */
    boolean isPairPartner(String id) {
        return id == null || ownId == null || id.equals(demoId);
    }
}
