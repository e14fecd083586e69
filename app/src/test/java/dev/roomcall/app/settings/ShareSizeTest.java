package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.roomcall.media.screen.ShareSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The screen-sharing size cap: a setting kept in the settings file, 1920x1080 unless chosen otherwise. */
class ShareSizeTest {

    @ParameterizedTest(name = "{0}: a {1}x{2} screen is sent at {3}x{4}")
    @CsvSource({
        "HD,      1920, 1080, 1280, 720",
        "FULL_HD, 1920, 1080, 1920, 1080",
        "FULL_HD, 2560, 1440, 1920, 1080",
        "FULL_HD, 1280, 1024, 1280, 1024",   // within the cap: its own size
        "FULL_HD, 3440, 1440, 1920, 804",    // ultra-wide: the width is the limit, the shape stays
        "QHD,     2560, 1440, 2560, 1440",
    })
    void capsTheSizeSentKeepingTheShape(ShareSize cap, int width, int height, int sentWidth, int sentHeight) {
        ShareSettings settings = cap.shareSettings();
        int[] sent = settings.sentSize(width, height);
        assertEquals(List.of(sentWidth, sentHeight), List.of(sent[0], sent[1]));
        assertEquals(ShareSettings.DEFAULT.fps(), settings.fps());
    }

    @Test
    void fullHdUnlessChosenAndKeptInTheSettingsFile() {
        assertEquals(ShareSize.FULL_HD, Settings.defaults().shareSize());
        Settings chosen = Settings.defaults().withShareSize(ShareSize.QHD).withChimeVolume(0.2);
        assertEquals(ShareSize.QHD, chosen.shareSize(), "other changes keep it");
        String json = SettingsJson.write(new SavedState(chosen, null, RecentRooms.of(List.of())));
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("2560x1440", root.get("shareSize").getAsString());
        assertEquals(ShareSize.QHD, SettingsJson.read(json, problem -> { }).settings().shareSize());
    }

    @Test
    void anUnknownSizeInTheFileFallsBackToTheDefaultAndIsReported() {
        String json = SettingsJson.write(new SavedState(Settings.defaults(), null, RecentRooms.of(List.of())))
                .replace("\"1920x1080\"", "\"800x600\"");
        List<String> problems = new java.util.ArrayList<>();
        assertEquals(ShareSize.FULL_HD, SettingsJson.read(json, problems::add).settings().shareSize());
        assertTrue(problems.stream().anyMatch(p -> p.contains("shareSize")), problems.toString());
        assertEquals(Optional.empty(), ShareSize.fromText("800x600"));
    }
}
