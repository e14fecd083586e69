package dev.roomcall.media.local;

import dev.roomcall.media.AudioMode;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.WebRtcNatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AudioSetupTest {
    private static final MediaOptions REAL = MediaOptions.defaults().withDeviceTimeout(Duration.ofMillis(300));

    @BeforeAll
    static void loadNatives() {
        WebRtcNatives.load();
    }

    @Test
    void silentAudioSystemMeansHeadlessWithAWarning() {
        FakeDevices devices = new FakeDevices(true, List.of());
        AtomicInteger realModuleAttempts = new AtomicInteger();
        AudioSetup setup = AudioSetup.choose(REAL, new DeviceCatalog(devices, REAL.deviceTimeout(), "silent-audio"),
                () -> {
                    realModuleAttempts.incrementAndGet();
                    return new HeadlessAudioDeviceModule();
                });
        try {
            assertTrue(setup.headless);
            assertInstanceOf(HeadlessAudioDeviceModule.class, setup.module);
            assertEquals(MediaWarning.NO_AUDIO_SYSTEM, setup.warning.orElseThrow().code());
            assertEquals(0, realModuleAttempts.get(), "the real module is not even tried");
        } finally {
            devices.audioHangsUntil.countDown();
            setup.dispose();
        }
    }

    @Test
    void aModuleThatHangsWhileOpeningMeansHeadlessWithAWarning() {
        CountDownLatch never = new CountDownLatch(1);
        AudioSetup setup = AudioSetup.choose(REAL,
                new DeviceCatalog(new FakeDevices(false, List.of()), REAL.deviceTimeout(), "hanging-module"), () -> {
                    never.await();
                    return null;
                });
        try {
            assertTrue(setup.headless);
            assertEquals(MediaWarning.NO_AUDIO_SYSTEM, setup.warning.orElseThrow().code());
        } finally {
            never.countDown();
            setup.dispose();
        }
    }

    @Test
    void anAnsweringAudioSystemGetsTheRealModuleWithVoiceProcessing() {
        AudioDeviceModuleBase standIn = new HeadlessAudioDeviceModule();
        AudioSetup setup = AudioSetup.choose(REAL,
                new DeviceCatalog(new FakeDevices(false, List.of()), REAL.deviceTimeout(), "answering-audio"),
                () -> standIn);
        try {
            assertFalse(setup.headless);
            assertSame(standIn, setup.module);
            assertNotNull(setup.processing, "echo cancellation for real speakers");
            assertTrue(setup.warning.isEmpty());
        } finally {
            setup.dispose();
        }
    }

    @Test
    void fakeMediaAndHeadlessModeNeverTouchTheAudioSystem() {
        FakeDevices devices = new FakeDevices(false, List.of());
        DeviceCatalog catalog = new DeviceCatalog(devices, REAL.deviceTimeout(), "never-touched");
        for (MediaOptions options : List.of(REAL.withFakeMedia(true), REAL.withAudioMode(AudioMode.HEADLESS))) {
            AudioSetup setup = AudioSetup.choose(options, catalog, () -> {
                throw new AssertionError("must not open a real module");
            });
            try {
                assertTrue(setup.headless);
                assertTrue(setup.warning.isEmpty(), "asked for, so no warning");
            } finally {
                setup.dispose();
            }
        }
        assertEquals(0, devices.microphoneQueries.get());
    }
}
