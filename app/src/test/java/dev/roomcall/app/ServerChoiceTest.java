package dev.roomcall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.settings.Settings;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which server a call goes to, with and without a built-in server. */
class ServerChoiceTest {

    private static final URI ELSEWHERE = URI.create("wss://rooms.example.org/");

    @Test
    void withOnlyACommandLineServerNothingIsBuiltInAndAnEmptyChoiceMeansThatServer() {
        try (ServerChoice choice = new ServerChoice(ELSEWHERE, null)) {
            assertFalse(choice.serves(ELSEWHERE));
            assertEquals(ELSEWHERE, choice.serverFor(""));
            assertEquals(ELSEWHERE.toString(), choice.defaultChoice(Settings.defaults()));
            assertEquals(ELSEWHERE.toString(), choice.choiceFor(ELSEWHERE));
            assertNull(choice.pinFor(ELSEWHERE), "trusted by its authority, not pinned");
            assertTrue(choice.announces(List.of()), "no built-in server to restart");
        }
    }

    @Test
    void withNoServerAtAllAnEmptyChoiceIsAnError() {
        try (ServerChoice choice = new ServerChoice(null, null)) {
            assertThrows(IllegalArgumentException.class, () -> choice.serverFor(Settings.BUILT_IN_SERVER));
            assertEquals("ws://10.0.0.7:3000/", choice.serverFor("ws://10.0.0.7:3000").toString());
            assertEquals("https://rooms.example.org", choice.defaultChoice(
                    Settings.defaults().withServer("https://rooms.example.org")));
        }
    }

    @Test
    void theBuiltInServerIsServedRememberedAsBuiltInAndPinned() throws Exception {
        try (ServerChoice choice = new ServerChoice(null, EmbeddedServer.start(0, false, List.of()))) {
            URI own = choice.serverFor(Settings.BUILT_IN_SERVER);
            assertTrue(choice.serves(own));
            assertFalse(choice.serves(ELSEWHERE));
            assertEquals(Settings.BUILT_IN_SERVER, choice.choiceFor(own));
            assertEquals(choice.builtIn().orElseThrow().fingerprint().orElse(null), choice.pinFor(own));
            assertNull(choice.pinFor(ELSEWHERE));
        }
    }
}
