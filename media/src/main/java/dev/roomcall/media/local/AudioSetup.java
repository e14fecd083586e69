package dev.roomcall.media.local;

import dev.roomcall.media.AudioMode;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.WebRtcNatives;

import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio device module the factory is built on, chosen so that starting never hangs: the real one only if the
 * audio system lists its devices in time and the module itself is created in time.
 */
public final class AudioSetup {
    private static final Logger LOG = LoggerFactory.getLogger(AudioSetup.class);

    /**
     * Registered as the headless module's audio callback in place of libwebrtc's own. The headless module's
     * capture thread pulls "recorded" audio through the same callback that playout uses, so with libwebrtc's
     * transport in place it would send the peer's own decoded voice back to it as soon as any audio is sent.
     * Silence here means the synthetic tone (which reaches the encoder through its track, not the module) is all
     * the peer hears, and received audio is dropped, as a headless client should.
     */
    private static final AudioSource SILENCE = (samples, sampleCount, bytesPerSample, channels, rate) -> sampleCount;

    public final AudioDeviceModuleBase module;
    public final AudioProcessing processing;
    public final boolean headless;
    public final Optional<MediaWarning> warning;

    private AudioSetup(AudioDeviceModuleBase module, AudioProcessing processing, boolean headless,
                       Optional<MediaWarning> warning) {
        this.module = module;
        this.processing = processing;
        this.headless = headless;
        this.warning = warning;
    }

    public static AudioSetup choose(MediaOptions options, DeviceCatalog catalog) {
        return choose(options, catalog, AudioDeviceModule::new);
    }

    static AudioSetup choose(MediaOptions options, DeviceCatalog catalog, Callable<AudioDeviceModuleBase> realModule) {
        if (options.fakeMedia() || options.audioMode() == AudioMode.HEADLESS) {
            return headless(Optional.empty());
        }
        if (!catalog.audioSystemAnswers()) {
            return headless(Optional.of(new MediaWarning(MediaWarning.NO_AUDIO_SYSTEM,
                    "The audio system did not answer within " + options.deviceTimeout().toMillis()
                            + " ms; the call continues without microphone and speaker.")));
        }
        Optional<AudioDeviceModuleBase> real =
                TimedCall.call("audio-device-module", options.deviceTimeout(), realModule);
        if (real.isEmpty()) {
            return headless(Optional.of(new MediaWarning(MediaWarning.NO_AUDIO_SYSTEM,
                    "The audio device could not be opened; the call continues without microphone and speaker.")));
        }
        return new AudioSetup(real.get(), voiceProcessing(), false, Optional.empty());
    }

    private static AudioSetup headless(Optional<MediaWarning> warning) {
        return new AudioSetup(new HeadlessAudioDeviceModule(), null, true, warning);
    }

    /** Echo cancellation and friends for a real microphone next to real speakers. */
    private static AudioProcessing voiceProcessing() {
        AudioProcessing processing = new AudioProcessing();
        AudioProcessingConfig config = new AudioProcessingConfig();
        config.echoCanceller.enabled = true;
        config.noiseSuppression.enabled = true;
        config.gainControl.enabled = true;
        config.highPassFilter.enabled = true;
        processing.applyConfig(config);
        return processing;
    }

    /** Must run after the factory registered libwebrtc's transport on the module, so ours replaces it. */
    public void afterFactoryCreated() {
        if (headless) {
            module.setAudioSource(SILENCE);
        }
    }

    public void dispose() {
        WebRtcNatives.dispose("audio device module", module::dispose);
        if (processing != null) {
            WebRtcNatives.dispose("audio processing", processing::dispose);
        }
    }

}
