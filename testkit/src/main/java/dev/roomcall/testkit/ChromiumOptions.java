package dev.roomcall.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a test or benchmark starts headless Chromium.
 *
 * @param media          which camera and microphone it has
 * @param fakeVideo      a .y4m or .mjpeg file the fake camera plays instead of its test pattern; null for the pattern
 * @param extraArguments further command-line switches, after the harness's own (e.g. a certificate to trust)
 * @param launcher       a command the browser runs under, e.g. {@code ip netns exec NS}; empty to run it directly
 * @param consoleLog     whether chromedriver collects the page's console (for failure messages); a benchmark that
 *                       measures the browser leaves that work out
 * @param cameras        how many fake cameras the browser lists (Chromium names them fake_device_0, _1, …). They show
 *                       the same moving pattern at the same sizes, so a test tells them apart by the size it asks for.
 *                       fake_device_1 is a depth camera (16-bit grey, Y16) whose frames WebRTC does not send (measured
 *                       in Chromium 156: a connection given its track sends nothing); fake_device_2 (MJPEG) is the
 *                       second colour camera, so a test that switches cameras asks for three
 */
public record ChromiumOptions(Media media, Path fakeVideo, int width, int height, List<String> extraArguments,
                              List<String> launcher, boolean consoleLog, int cameras) {

    /** Which camera and microphone the browser has. */
    public enum Media {
        /** Chromium's synthetic camera (a moving test pattern) and microphone (a beep), permission granted. */
        FAKE_DEVICES,
        /** The same devices, but every permission request is refused, as when a person clicks "Block". */
        DENIED,
        /** No devices at all (this machine has no camera): getUserMedia fails with NotFoundError. */
        NONE
    }

    /** Chromium's fake capture makes at most this many devices. */
    public static final int MAX_CAMERAS = 10;

    public ChromiumOptions {
        Objects.requireNonNull(media, "media");
        extraArguments = List.copyOf(extraArguments);
        launcher = List.copyOf(launcher);
        if (cameras < 1 || cameras > MAX_CAMERAS) {
            throw new IllegalArgumentException("cameras must be 1.." + MAX_CAMERAS + ", not " + cameras);
        }
    }

    public static ChromiumOptions defaults() {
        return new ChromiumOptions(Media.FAKE_DEVICES, null, 1280, 800, List.of(), List.of(), true, 1);
    }

    public ChromiumOptions withMedia(Media newMedia) {
        return new ChromiumOptions(newMedia, fakeVideo, width, height, extraArguments, launcher, consoleLog, cameras);
    }

    public ChromiumOptions withFakeVideo(Path file) {
        return new ChromiumOptions(media, file, width, height, extraArguments, launcher, consoleLog, cameras);
    }

    public ChromiumOptions withWindowSize(int newWidth, int newHeight) {
        return new ChromiumOptions(media, fakeVideo, newWidth, newHeight, extraArguments, launcher, consoleLog, cameras);
    }

    /** These options plus {@code arguments} on Chromium's command line. */
    public ChromiumOptions withExtraArguments(String... arguments) {
        List<String> all = new ArrayList<>(extraArguments);
        all.addAll(List.of(arguments));
        return new ChromiumOptions(media, fakeVideo, width, height, all, launcher, consoleLog, cameras);
    }

    /** The browser runs under {@code command} (e.g. {@link NetworkLab#in}'s {@code ip netns exec NS}). */
    public ChromiumOptions launchedBy(List<String> command) {
        return new ChromiumOptions(media, fakeVideo, width, height, extraArguments, command, consoleLog, cameras);
    }

    /** Without collecting the page's console. */
    public ChromiumOptions withoutConsoleLog() {
        return new ChromiumOptions(media, fakeVideo, width, height, extraArguments, launcher, false, cameras);
    }

    /** With {@code count} fake cameras instead of one (with fake devices; see {@code cameras} for which is which). */
    public ChromiumOptions withCameras(int count) {
        return new ChromiumOptions(media, fakeVideo, width, height, extraArguments, launcher, consoleLog, count);
    }
}
