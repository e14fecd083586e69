package dev.roomcall.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The receiver in room 7 expects side 0's messages 0, 1, 2, … once each, in order, and nothing else. */
class SequenceCheckerTest {

    /** An arrival written as "room/side/seq". */
    private static CapacityMessage m(String arrival) {
        String[] p = arrival.split("/");
        return new CapacityMessage(0, Integer.parseInt(p[0]), Integer.parseInt(p[1]), Long.parseLong(p[2]));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // what arrived,                 sent, delivered, lost, late/dup, misdelivered
                Arguments.of("",                         0, 0, 0, 0, 0),
                Arguments.of("7/0/0 7/0/1 7/0/2",        3, 3, 0, 0, 0),
                Arguments.of("7/0/0 7/0/1",              3, 2, 1, 0, 0), // the last never came
                Arguments.of("",                         4, 0, 4, 0, 0), // nothing came
                Arguments.of("7/0/0 7/0/2 7/0/3",        4, 3, 1, 0, 0), // 1 skipped
                Arguments.of("7/0/0 7/0/2 7/0/1",        3, 2, 1, 1, 0), // 1 came late: out of place counts as lost and late
                Arguments.of("7/0/0 7/0/1 7/0/1 7/0/2",  3, 3, 0, 1, 0), // 1 twice
                Arguments.of("7/0/0 8/0/1 7/0/1",        2, 2, 0, 0, 1), // another room's message
                Arguments.of("7/0/0 7/1/0 7/0/1",        2, 2, 0, 0, 1), // its own message echoed back
                Arguments.of("7/0/5",                    6, 1, 5, 0, 0)); // joined late: the first five are gone
    }

    @ParameterizedTest(name = "[{0}] of {1} sent")
    @MethodSource("cases")
    void countsWhatTheRelayDidWithTheOtherSidesMessages(String arrivals, long sent, long delivered, long lost,
                                                         long lateOrDuplicate, long misdelivered) {
        SequenceChecker checker = new SequenceChecker(7, 0);
        for (String arrival : arrivals.isBlank() ? new String[0] : arrivals.split(" ")) {
            checker.accept(m(arrival));
        }
        assertEquals(new SequenceChecker.Tally(sent, delivered, lost, lateOrDuplicate, misdelivered), checker.tally(sent));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanCases")
    void aTallyIsCleanOnlyWithNothingLostLateOrMisdelivered(SequenceChecker.Tally tally, boolean clean) {
        assertEquals(clean, tally.clean());
    }

    static Stream<Arguments> cleanCases() {
        return Stream.of(
                Arguments.of(new SequenceChecker.Tally(10, 10, 0, 0, 0), true),
                Arguments.of(new SequenceChecker.Tally(10, 9, 1, 0, 0), false),
                Arguments.of(new SequenceChecker.Tally(10, 10, 0, 1, 0), false),
                Arguments.of(new SequenceChecker.Tally(10, 10, 0, 0, 1), false));
    }

    @org.junit.jupiter.api.Test
    void tallyingAddsUpEveryCount() {
        assertEquals(new SequenceChecker.Tally(11, 22, 33, 44, 55),
                new SequenceChecker.Tally(1, 2, 3, 4, 5).plus(new SequenceChecker.Tally(10, 20, 30, 40, 50)));
    }
}
