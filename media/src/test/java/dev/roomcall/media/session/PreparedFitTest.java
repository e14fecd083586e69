package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.media.SessionConfig;
import dev.roomcall.signaling.IceServer;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a prepared session can still become: any role and ICE configuration, never other tracks. */
class PreparedFitTest {

    private static final List<IceServer> TURN = List.of(new IceServer(List.of("turn:127.0.0.1:3478"), "u", "p"));
    private static final SessionConfig MADE = new SessionConfig(false, List.of());

    static Stream<Arguments> cases() {
        return Stream.of(
                // wanted config                                                         fits   ICE set again
                Arguments.of(new SessionConfig(false, List.of()),                        true,  false),
                Arguments.of(new SessionConfig(true, List.of()),                         true,  false),
                Arguments.of(new SessionConfig(true, TURN),                              true,  true),
                Arguments.of(new SessionConfig(false, TURN, true),                       true,  true),
                Arguments.of(new SessionConfig(false, List.of(), true),                  true,  true),
                Arguments.of(SessionConfig.subscription(List.of(), false),               false, false),
                Arguments.of(SessionConfig.publishing(Set.of("camera"), List.of(), false), false, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fits(SessionConfig wanted, boolean fits, boolean iceChanged) {
        assertEquals(fits, PreparedFit.fits(MADE, wanted), "fits " + wanted);
        assertEquals(iceChanged, PreparedFit.iceChanged(MADE, wanted), "ICE set again for " + wanted);
    }
}
