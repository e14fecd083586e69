package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Guessing room codes means joining rooms; one address may join only so many per period. */
class JoinLimitTest extends ServerTestSupport {

    @Test
    void byDefaultTenJoinsInAQuickRowPassAndTheEleventhIsClosedWith4008() {
        start();
        for (int i = 0; i < ServerConfig.DEFAULT_JOINS_PER_ADDRESS; i++) {
            TestPeer guess = joinedRoomcall("/" + RoomCode.newRoomName());
            guess.close();
        }

        TestPeer.Closed closed = roomcall("/" + RoomCode.newRoomName()).awaitClose();

        assertEquals(Protocol.CLOSE_LIMIT, closed.code());
        assertEquals("too many joins, slow down", closed.reason());
    }

    @Test
    void refusedJoinsNeverEnterTheRoomTheyGuessed() {
        start(c -> c.joinLimit(2, Duration.ofMinutes(1)));
        TestPeer owner = joinedRoomcall("/secret-room");
        joinedRoomcall("/another-room");

        TestPeer guesser = roomcall("/secret-room");

        assertEquals(Protocol.CLOSE_LIMIT, guesser.awaitClose().code());
        guesser.assertInboxEmpty();
        owner.send(Signals.offer("for the next joiner"));
        awaitQueuedMessages(1);
        owner.assertInboxEmpty(); // no peer-joined: the guesser never was a member
    }

    @Test
    void attemptsWithInvalidRoomNamesCountToo() {
        start(c -> c.joinLimit(2, Duration.ofMinutes(1)));
        roomcall("/bad.name").awaitClose();
        roomcall("/bad.name").awaitClose();

        assertEquals(Protocol.CLOSE_LIMIT, roomcall("/good-name").awaitClose().code());
    }

    @Test
    void theAllowanceComesBackOverTheWindow() throws Exception {
        start(c -> c.joinLimit(1, Duration.ofMillis(300)));
        joinedRoomcall("/first").close();
        assertEquals(Protocol.CLOSE_LIMIT, roomcall("/second").awaitClose().code());

        Thread.sleep(400);

        joinedRoomcall("/second");
    }
}
