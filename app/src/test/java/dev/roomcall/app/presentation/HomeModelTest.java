package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.presentation.HomeModel.Go;
import dev.roomcall.app.presentation.HomeModel.Outcome;
import dev.roomcall.app.presentation.HomeModel.Refused;
import dev.roomcall.app.presentation.HomeModel.Where;
import dev.roomcall.app.settings.RecentRoom;
import dev.roomcall.app.settings.ServerAddress;
import dev.roomcall.app.settings.SettingProblem;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.app.settings.SettingsStore;
import dev.roomcall.signaling.RoomCode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the home screen's choices lead to, without a window: a table of inputs and outcomes. */
class HomeModelTest {

    private static final URI BUILT_IN = URI.create("wss://127.0.0.1:3000/");

    /** Like the runtime: an empty choice is this computer's server; a link names its own. */
    private static final HomeModel.Rooms ROOMS = new HomeModel.Rooms() {
        @Override
        public CallOptions callOptionsFor(String input, String serverChoice) {
            String room = RoomCode.normalize(input);
            URI server = input.contains("://") ? ServerAddress.webSocket(input.trim())
                    : serverChoice.isBlank() ? BUILT_IN : ServerAddress.webSocket(serverChoice);
            URI root = URI.create(server.getScheme() + "://" + server.getRawAuthority() + "/");
            return new CallOptions(root, room, Role.AUTO, List.of(), false, null);
        }

        @Override
        public boolean serves(URI server) {
            return BUILT_IN.equals(server);
        }

        @Override
        public String defaultServerChoice() {
            return "";
        }
    };

    @TempDir
    Path dir;
    private SettingsStore store;
    private HomeModel model;

    @BeforeEach
    void model() {
        store = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME));
        model = new HomeModel(ROOMS, store);
    }

    static Stream<Arguments> joins() {
        return Stream.of(
                // code or link, server typed -> where it goes (or what is refused, and where it is said)
                Arguments.of("c0ffee", "", "go wss://127.0.0.1:3000/ no-check remember:"),
                Arguments.of("c0ffee", "ws://10.0.0.7:3000", "go ws://10.0.0.7:3000/ check remember:ws://10.0.0.7:3000"),
                Arguments.of("https://rooms.example.org/#c0ffee", "ws://10.0.0.7:3000",
                        "go wss://rooms.example.org/ check remember:-"),
                Arguments.of("   ", "", "refused JOIN join.error.empty"),
                Arguments.of("no spaces or / allowed!", "", "refused JOIN join.error.invalid"),
                Arguments.of("ftp://rooms.example.org/#c0ffee", "", "refused JOIN join.error.link"),
                Arguments.of("c0ffee", "ftp://rooms.example.org", "refused SERVER problem"));
    }

    @ParameterizedTest(name = "{0} on ''{1}'' -> {2}")
    @MethodSource("joins")
    void joining(String input, String server, String expected) {
        assertEquals(expected, describe(model.join(input, server)));
    }

    @Test
    void aNewRoomIsSharedFirstAndABadServerIsSaidBesideTheServer() {
        Go go = assertInstanceOf(Go.class, model.newRoom(" ws://10.0.0.7:3000 "));
        assertEquals(true, go.share());
        assertEquals(true, go.checkFirst());
        assertEquals(Where.SERVER, go.errorsGo());
        assertEquals("ws://10.0.0.7:3000", go.serverToRemember());

        Refused refused = assertInstanceOf(Refused.class, model.newRoom("ftp://nowhere"));
        assertEquals(Where.SERVER, refused.where());
        assertEquals(SettingProblem.SERVER_SCHEME, refused.serverProblem());
    }

    @Test
    void aRecentRoomGoesBackToItsServerAndABrokenEntryIsSaidInTheStatusLine() {
        Go go = assertInstanceOf(Go.class, model.rejoin(new RecentRoom("c0ffee", "", Instant.EPOCH)));
        assertEquals(BUILT_IN, go.call().server());
        assertEquals(false, go.checkFirst());

        Refused refused = assertInstanceOf(Refused.class,
                model.rejoin(new RecentRoom("c0ffee", "ftp://hand-edited.example.org", Instant.EPOCH)));
        assertEquals(new Refused(Where.STATUS, "recent.error.invalid", "c0ffee", null), refused);
    }

    @Test
    void aServerThatAnsweredIsRememberedUnlessItIsTheDefaultOrLinkGiven() {
        model.remember(assertInstanceOf(Go.class, model.join("c0ffee", "")));
        assertEquals(Settings.BUILT_IN_SERVER, store.settings().server());
        model.remember(assertInstanceOf(Go.class, model.join("https://rooms.example.org/#c0ffee", "")));
        assertEquals(Settings.BUILT_IN_SERVER, store.settings().server(), "a link's server is the link's, not a choice");
        model.remember(assertInstanceOf(Go.class, model.join("c0ffee", "ws://10.0.0.7:3000")));
        assertEquals("ws://10.0.0.7:3000", store.settings().server());
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Refused refused) {
            return "refused " + refused.where() + " " + (refused.serverProblem() != null ? "problem" : refused.textKey());
        }
        Go go = (Go) outcome;
        return "go " + go.call().server() + " " + (go.checkFirst() ? "check" : "no-check") + " remember:"
                + (go.serverToRemember() == null ? "-" : go.serverToRemember());
    }
}
