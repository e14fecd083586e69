package dev.roomcall.app.presentation.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.NetworkQuality;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TileTextTest {

    private static final Tile ANA = Tile.arrived(new PeerId("ana"), "Ana");

    record Case(Tile tile, String english, String chinese) {}

    private static final List<Case> CASES = List.of(
            new Case(ANA, "Ana", "Ana"),
            new Case(ANA.withSpeaking(true).withMedia(true, true), "Ana, speaking", "Ana，正在说话"),
            new Case(ANA.withSpeaking(true).withMedia(false, true), "Ana, microphone off", "Ana，麦克风已关闭"),
            new Case(ANA.withSpeaking(true), "Ana, speaking", "Ana，正在说话"),
            new Case(ANA.withMedia(false, false).withPinned(true),
                    "Ana, microphone off, camera off, pinned", "Ana，麦克风已关闭，摄像头已关闭，已固定"),
            new Case(ANA.withScreen(FakeSource.INSTANCE).withQuality(NetworkQuality.POOR),
                    "Ana, sharing their screen, poor connection", "Ana，正在共享屏幕，连接较差"),
            new Case(ANA.withQuality(NetworkQuality.FAIR), "Ana", "Ana"));

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aTileSaysWhoItIsAndWhatIsGoingOnInThePersonsLanguage() {
        for (Case c : CASES) {
            I18n.setLocale(Locale.ENGLISH);
            assertEquals(c.english(), TileText.describe(c.tile()));
            I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertEquals(c.chinese(), TileText.describe(c.tile()));
        }
    }

    @Test
    void presenceScreenAndPresenterLines() {
        I18n.setLocale(Locale.ENGLISH);
        assertEquals("Ana joined the call", TileText.presence(new Presence(Presence.Change.ARRIVED, ANA.peer(), "Ana")));
        assertEquals("Ana left the call", TileText.presence(new Presence(Presence.Change.LEFT, ANA.peer(), "Ana")));
        assertEquals("Ana is presenting", TileText.presenting(ANA));
        assertEquals("Ana's screen", TileText.describeScreen(ANA));
        assertEquals("Guest", TileText.name(null));
    }
}
