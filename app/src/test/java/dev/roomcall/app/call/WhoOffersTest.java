package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.call.WhoOffers.Move;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who offers, case by case: a role, what signaling says in order, and the move the call makes after each event.
 * Events are written {@code open}, {@code joined:<peers>:<queued>}, {@code peer-joined}, {@code left},
 * {@code offer} and {@code candidate}.
 */
class WhoOffersTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("the first joiner waits", Role.AUTO,
                        "open joined:0:0", "NONE NONE"),
                row("the second joiner offers", Role.AUTO,
                        "open joined:1:0", "NONE OFFER"),
                row("whoever is there answers the newcomer", Role.AUTO,
                        "open joined:0:0 peer-joined offer candidate", "NONE NONE ANSWER DELIVER DELIVER"),
                row("a caller on a plain relay offers when the socket opens", Role.CALLER,
                        "open", "OFFER"),
                row("a caller keeps its session across a reconnect while alone", Role.CALLER,
                        "open open", "OFFER NONE"),
                row("a callee never offers, even second", Role.CALLEE,
                        "open joined:1:0 offer", "NONE CLOSE ANSWER_AND_DELIVER"),
                row("a callee answers an offer on a plain relay", Role.AUTO,
                        "open offer candidate", "NONE ANSWER_AND_DELIVER DELIVER"),
                row("a candidate without any session is dropped", Role.AUTO,
                        "open candidate", "NONE DROP"),
                row("a queued offer is answered, not collided with", Role.AUTO,
                        "open joined:1:2 offer candidate", "NONE CLOSE ANSWER_AND_DELIVER DELIVER"),
                row("queued messages without an offer: we offer after the last", Role.AUTO,
                        "open joined:1:2 candidate candidate", "NONE CLOSE DROP DROP_AND_OFFER"),
                row("a session from before an outage goes when the other person is back", Role.AUTO,
                        "open joined:1:0 open joined:1:0", "NONE OFFER NONE OFFER"),
                row("a session from before an outage stays while alone", Role.AUTO,
                        "open joined:1:0 open joined:0:0", "NONE OFFER NONE NONE"),
                row("an offer lost with its connection: back first, the other side's return starts afresh", Role.AUTO,
                        "open joined:1:0 open joined:0:0 peer-joined offer", "NONE OFFER NONE NONE ANSWER DELIVER"),
                row("an offer lost with its connection: back second, we offer again", Role.AUTO,
                        "open joined:0:0 peer-joined open joined:1:0", "NONE NONE ANSWER NONE OFFER"),
                row("a session made on this connection is not replaced by the welcome", Role.CALLER,
                        "open joined:1:0", "OFFER NONE"),
                row("after the other person left, the next one is answered", Role.AUTO,
                        "open joined:1:0 left peer-joined", "NONE OFFER CLOSE ANSWER"),
                row("after the other person left, a stray candidate is dropped", Role.AUTO,
                        "open joined:1:0 left candidate", "NONE OFFER CLOSE DROP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Role role, List<String> events, List<Move> expected) {
        WhoOffers offers = new WhoOffers(role);
        List<Move> moves = new ArrayList<>();
        for (String event : events) {
            moves.add(apply(offers, event));
        }
        assertEquals(expected, moves);
    }

    private static Move apply(WhoOffers offers, String event) {
        String[] parts = event.split(":");
        return switch (parts[0]) {
            case "open" -> offers.opened();
            case "joined" -> offers.joined(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            case "peer-joined" -> offers.peerJoined();
            case "left" -> offers.peerLeft();
            case "offer" -> offers.peerSignal(true);
            case "candidate" -> offers.peerSignal(false);
            default -> throw new IllegalArgumentException(event);
        };
    }

    private static Arguments row(String name, Role role, String events, String moves) {
        return Arguments.of(name, role, List.of(events.split(" ")),
                Stream.of(moves.split(" ")).map(Move::valueOf).toList());
    }
}
