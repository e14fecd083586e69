package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.SharedEngine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The level meter's source: how loud the audio being sent is, several times a second. */
class MicrophoneLevelTest {

    @Test
    void theSyntheticToneShowsItsLevelAndStatsCarryItToo() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();
            // The synthetic microphone is a sine at 0.2 of full scale; WebRTC's audioLevel is the peak amplitude.
            Await.until("a microphone level near 0.2", () -> Math.abs(call.a.microphoneLevel() - 0.2) < 0.05,
                    () -> "level " + call.a.microphoneLevel());
            Await.until("stats with the local audio level and received packets", () -> !call.aEvents.stats.isEmpty()
                    && call.aEvents.stats.get(call.aEvents.stats.size() - 1).packetsReceived() > 0
                    && call.aEvents.stats.get(call.aEvents.stats.size() - 1).localAudioLevel() > 0.1,
                    () -> call.aEvents.stats.toString());
            assertEquals(0.2, call.aEvents.stats.get(call.aEvents.stats.size() - 1).localAudioLevel(), 0.05);
        }
    }
}
