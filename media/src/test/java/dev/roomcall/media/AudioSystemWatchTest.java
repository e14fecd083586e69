package dev.roomcall.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioSystemWatchTest {
    private final List<String> said = new ArrayList<>();
    private final AudioSystemWatch watch = new AudioSystemWatch(w -> said.add(w.code()));

    private static final DeviceInfo MIC = new DeviceInfo("Null source", "mic-0");

    private static DeviceListing listing(boolean audioAnswers) {
        return audioAnswers ? new DeviceListing(List.of(), List.of(MIC), List.of(MIC), true, true)
                : new DeviceListing(List.of(), List.of(), List.of(), true, false);
    }

    @Test
    void answeringWithNoDevicesAtAllIsLosingItToo() {
        watch.accept(listing(true));
        watch.accept(new DeviceListing(List.of(), List.of(), List.of(), true, true));
        assertEquals(List.of(MediaWarning.AUDIO_SYSTEM_LOST), said);
    }

    @Test
    void aSoundSystemThatStopsAnsweringIsSaidOnceAndItsReturnToo() {
        watch.accept(listing(true));
        watch.accept(listing(false));
        watch.accept(listing(false));
        watch.accept(listing(true));
        watch.accept(listing(true));
        assertEquals(List.of(MediaWarning.AUDIO_SYSTEM_LOST, MediaWarning.AUDIO_SYSTEM_BACK), said);
    }

    @Test
    void aMachineThatNeverHadOneIsNotToldAgain() {
        watch.accept(listing(false));
        watch.accept(listing(false));
        assertEquals(List.of(), said);
    }
}
