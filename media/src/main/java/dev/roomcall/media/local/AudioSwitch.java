package dev.roomcall.media.local;

import dev.roomcall.media.MediaWarning;

import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the audio device module to another microphone or speaker. libwebrtc refuses to change the device of a
 * running stream, so a running one is stopped, switched and started again (a gap of a few milliseconds).
 */
final class AudioSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(AudioSwitch.class);

    private AudioSwitch() {}

    /**
     * @param capture true for the microphone, false for the speaker
     * @param running true while a call uses the module, so the stream must be restarted on the new device
     */
    static Optional<MediaWarning> apply(AudioDeviceModuleBase module, String deviceId, boolean capture, boolean running) {
        String what = capture ? "microphone" : "speaker";
        List<AudioDevice> devices = capture ? module.getRecordingDevices() : module.getPlayoutDevices();
        Optional<AudioDevice> device = devices.stream().filter(d -> deviceId.equals(d.getDescriptor())).findFirst();
        if (device.isEmpty()) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_NOT_FOUND,
                    "That " + what + " is not connected any more."));
        }
        try {
            if (capture) {
                module.stopRecording();
                module.setRecordingDevice(device.get());
                if (running) {
                    module.initRecording();
                    module.startRecording();
                }
            } else {
                module.stopPlayout();
                module.setPlayoutDevice(device.get());
                if (running) {
                    module.initPlayout();
                    module.startPlayout();
                }
            }
        } catch (RuntimeException | Error e) {
            // webrtc-java reports a refusing audio system as java.lang.Error.
            if (e instanceof VirtualMachineError vm) {
                throw vm;
            }
            LOG.warn("switching the {} to {} failed: {}", what, device.get().getName(), e.toString());
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED,
                    "The " + what + " \"" + device.get().getName() + "\" could not be used."));
        }
        LOG.info("{} switched to {}", what, device.get().getName());
        return Optional.empty();
    }
}
