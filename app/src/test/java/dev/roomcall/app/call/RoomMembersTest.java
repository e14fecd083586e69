package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is in the room as the call knows it: in the order they came, whatever their ids look like. */
class RoomMembersTest {

    @Test
    void theOthersAreInTheOrderTheyCameNotInTheOrderOfTheirIds() {
        RoomMembers members = new RoomMembers();
        // Member-token ids are hashes: the server's join order is the only order there is.
        members.welcome("m0000000000000001", List.of(new SignalMessage.Peer("mffff000000000000", "Ann", false),
                new SignalMessage.Peer("m1111000000000000", "Bea", false)));
        members.arrived("p1", "Cy", false);
        members.named("mffff000000000000", "Anna");

        assertEquals(List.of(new RemotePeer(PeerId.member("mffff000000000000"), "Anna"),
                new RemotePeer(PeerId.member("m1111000000000000"), "Bea"),
                new RemotePeer(PeerId.member("p1"), "Cy")), members.others());

        members.left("m1111000000000000");
        assertEquals(List.of(PeerId.member("mffff000000000000"), PeerId.member("p1")),
                members.others().stream().map(RemotePeer::id).toList());
    }
}
