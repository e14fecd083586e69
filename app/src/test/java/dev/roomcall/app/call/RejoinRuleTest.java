package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.call.RejoinRule.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** After a rejoin: which sessions go on, which wait for their person, which end, and to whom we offer. */
class RejoinRuleTest {

    @ParameterizedTest(name = "same id {0}, role {1}, listed {2}, live session {3} -> {4}")
    @CsvSource({
            // Our id survived the move and the connection lives: the call goes on without a word.
            "true,  AUTO,   true,  true,  KEEP",
            "true,  CALLEE, true,  true,  KEEP",
            "true,  CALLER, true,  true,  KEEP",
            // They are not back in the room yet: keep their media until they are, or it drops.
            "true,  AUTO,   false, true,  AWAIT",
            // No live connection (never connected, or dropped): the newcomer offers afresh.
            "true,  AUTO,   true,  false, OFFER",
            "true,  CALLEE, true,  false, CLOSE",
            "true,  AUTO,   false, false, CLOSE",
            // A new id: the room saw us leave, so the others closed their side; start over.
            "false, AUTO,   true,  true,  OFFER",
            "false, CALLER, true,  false, OFFER",
            "false, CALLEE, true,  true,  CLOSE",
            "false, AUTO,   false, true,  CLOSE",
            "false, AUTO,   false, false, CLOSE",
    })
    void decides(boolean sameId, Role role, boolean listed, boolean live, Step expected) {
        assertEquals(expected, RejoinRule.toward(sameId, role, listed, live));
    }
}
