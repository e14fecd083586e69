package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Rates measured on real calls: Opus sends ~4000 payload bytes a second with sound, ~150 when the track is muted. */
class RemoteAudioMonitorTest {

    @Test
    void soundArrivingIsSoundFromTheFirstSample() {
        RemoteAudioMonitor monitor = new RemoteAudioMonitor();
        assertEquals(RemoteAudio.SOUND, monitor.update(0, 4_000, 4_000, 0));
    }

    @Test
    void aMutedTrackIsSilentOnceThatHasLastedAFewSecondsButAPauseIsNot() {
        RemoteAudioMonitor monitor = new RemoteAudioMonitor();
        long bytes = 0;
        for (long t = 0; t <= 5_000; t += 1_000) {
            bytes += 4_000;
            monitor.update(t, bytes, 4_000, 0);
        }
        bytes += 150;
        assertEquals(RemoteAudio.SOUND, monitor.update(6_000, bytes, 150, 0), "one quiet second is a pause");
        for (long t = 7_000; t <= 9_000; t += 1_000) {
            bytes += 150;
            monitor.update(t, bytes, 150, 0);
        }
        assertEquals(RemoteAudio.SILENT, monitor.state());
        bytes += 4_000;
        assertEquals(RemoteAudio.SOUND, monitor.update(10_000, bytes, 4_000, 0), "speaking again shows at once");
    }

    @Test
    void aPlayedLevelCountsAsSoundWhateverTheRate() {
        RemoteAudioMonitor monitor = new RemoteAudioMonitor();
        for (long t = 0; t <= 6_000; t += 1_000) {
            monitor.update(t, 100 + t, 100, 0.2);
        }
        assertEquals(RemoteAudio.SOUND, monitor.state());
    }

    @Test
    void noAudioBytesAtAllIsNoAudio() {
        RemoteAudioMonitor monitor = new RemoteAudioMonitor();
        assertEquals(RemoteAudio.UNKNOWN, monitor.update(0, 0, 0, 0), "too early to say");
        monitor.update(1_000, 0, 0, 0);
        assertEquals(RemoteAudio.NONE, monitor.update(3_500, 0, 0, 0));
    }

    @Test
    void thePeerSayingItIsMutedWinsAndAResetForgetsIt() {
        RemoteAudioMonitor monitor = new RemoteAudioMonitor();
        monitor.peerMicrophone(false);
        assertEquals(RemoteAudio.MUTED, monitor.update(0, 4_000, 4_000, 0.3));
        monitor.peerMicrophone(true);
        assertEquals(RemoteAudio.SOUND, monitor.update(1_000, 8_000, 4_000, 0.3));
        monitor.peerMicrophone(false);
        monitor.reset();
        assertEquals(RemoteAudio.UNKNOWN, monitor.state());
    }
}
