package dev.roomcall.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChromiumTest {

    private static final Path PROFILE = Path.of("/tmp/profile-x");

    @ParameterizedTest
    @CsvSource({
            "FAKE_DEVICES, --use-fake-ui-for-media-stream --use-fake-device-for-media-stream",
            "DENIED,       --use-fake-ui-for-media-stream=deny --use-fake-device-for-media-stream",
            "NONE,         --use-fake-ui-for-media-stream"})
    void mediaSwitchesFollowTheChoice(ChromiumOptions.Media media, String switches) {
        List<String> arguments = Chromium.arguments(ChromiumOptions.defaults().withMedia(media), PROFILE);

        List<String> mediaSwitches = arguments.stream().filter(a -> a.startsWith("--use-fake-")).toList();
        assertEquals(List.of(switches.split(" ")), mediaSwitches);
    }

    @ParameterizedTest
    @CsvSource({
            "1, --use-fake-device-for-media-stream",
            "2, --use-fake-device-for-media-stream=device-count=2",
            "3, --use-fake-device-for-media-stream=device-count=3"})
    void moreThanOneFakeCameraIsAskedForByCount(int cameras, String switchExpected) {
        List<String> arguments = Chromium.arguments(ChromiumOptions.defaults().withCameras(cameras), PROFILE);

        assertEquals(List.of(switchExpected),
                arguments.stream().filter(a -> a.startsWith("--use-fake-device-")).toList());
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "11"})
    void aCameraCountChromiumCannotFakeIsRefused(int cameras) {
        assertThrows(IllegalArgumentException.class, () -> ChromiumOptions.defaults().withCameras(cameras));
    }

    @Test
    void everyBrowserIsHeadlessQuietAndHasItsOwnProfile() {
        List<String> arguments = Chromium.arguments(ChromiumOptions.defaults().withWindowSize(640, 360), PROFILE);

        assertTrue(arguments.containsAll(List.of("--headless=new", "--no-sandbox", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--mute-audio", "--window-size=640,360",
                "--user-data-dir=" + PROFILE)), arguments.toString());
    }

    @Test
    void aFakeVideoFileAndExtraSwitchesComeAfterTheHarnesssOwn() {
        List<String> arguments = Chromium.arguments(ChromiumOptions.defaults().withFakeVideo(Path.of("/v/a.y4m"))
                .withExtraArguments("--one", "--two"), PROFILE);

        assertEquals(List.of("--use-file-for-fake-video-capture=/v/a.y4m", "--one", "--two"),
                arguments.subList(arguments.size() - 3, arguments.size()));
    }
}
