package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When a broken connection asks for an ICE restart, and when it leaves the connection alone. Each row feeds the
 * policy connection states and timer firings ("due") and lists what it answers, with a 3 s grace period and
 * retries from 5 s doubling up to 30 s.
 */
class IceRestartPolicyTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("a failed connection restarts at once",
                        List.of("FAILED", "due"),
                        List.of("arm 0s", "restart 1, next in 5s")),
                Arguments.of("a disconnection gets a grace period, then restarts",
                        List.of("DISCONNECTED", "due"),
                        List.of("arm 3s", "restart 1, next in 5s")),
                Arguments.of("a second disconnected report keeps the grace period running",
                        List.of("DISCONNECTED", "DISCONNECTED"),
                        List.of("arm 3s", "keep")),
                Arguments.of("a connection that heals within the grace period is left alone",
                        List.of("DISCONNECTED", "CONNECTED", "due"),
                        List.of("arm 3s", "cancel", "nothing")),
                Arguments.of("a connection that stays broken keeps trying, waiting longer each time",
                        List.of("FAILED", "due", "due", "due", "due", "due"),
                        List.of("arm 0s", "restart 1, next in 5s", "restart 2, next in 10s",
                                "restart 3, next in 20s", "restart 4, next in 30s", "restart 5, next in 30s")),
                Arguments.of("recovery resets the count",
                        List.of("FAILED", "due", "due", "CONNECTED", "FAILED", "due"),
                        List.of("arm 0s", "restart 1, next in 5s", "restart 2, next in 10s", "cancel", "arm 0s",
                                "restart 1, next in 5s")),
                Arguments.of("negotiation under way is left to run",
                        List.of("NEW", "CONNECTING"),
                        List.of("keep", "keep")),
                Arguments.of("a closed session never restarts",
                        List.of("DISCONNECTED", "CLOSED", "FAILED", "due"),
                        List.of("arm 3s", "cancel", "keep", "nothing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answers(String rule, List<String> inputs, List<String> expected) {
        IceRestartPolicy policy = new IceRestartPolicy(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(30));
        List<String> answers = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("due")) {
                answers.add(policy.due()
                        .map(r -> "restart " + r.attempt() + ", next in " + r.next().toSeconds() + "s")
                        .orElse("nothing"));
            } else {
                answers.add(describe(policy.onState(ConnectionState.valueOf(input))));
            }
        }
        assertEquals(expected, answers);
    }

    private static String describe(IceRestartPolicy.Timer timer) {
        if (timer instanceof IceRestartPolicy.Arm arm) {
            return "arm " + arm.delay().toSeconds() + "s";
        }
        return timer instanceof IceRestartPolicy.Cancel ? "cancel" : "keep";
    }
}
