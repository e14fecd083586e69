package dev.roomcall.media.local;

import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.roomcall.media.CameraState;
import dev.roomcall.media.DeviceKind;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.MediaWarning;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of which camera, microphone and speaker are in use: switching happens here and only a switch that
 * worked changes the remembered id.
 */
public final class DeviceChoice {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceChoice.class);

    private final LocalMedia media;
    private final DeviceCatalog catalog;
    private final AudioSetup audio;
    private final MediaOptions options;
    private final BooleanSupplier inCall;
    private final Map<DeviceKind, String> selected = new EnumMap<>(DeviceKind.class);
    private boolean closed;

    /**
     * @param cameraId the camera opened at start, or null for the test pattern or the slate
     * @param inCall   whether a call uses the audio device module now (a running stream must be restarted)
     */
    public DeviceChoice(LocalMedia media, DeviceCatalog catalog, AudioSetup audio, MediaOptions options,
                        String cameraId, BooleanSupplier inCall) {
        this.media = media;
        this.catalog = catalog;
        this.audio = audio;
        this.options = options;
        this.inCall = inCall;
        if (cameraId != null) {
            selected.put(DeviceKind.CAMERA, cameraId);
        }
    }

    /** The {@link DeviceInfo#id()} in use, or empty for the system default (or the pattern or slate). */
    public synchronized Optional<String> selected(DeviceKind kind) {
        return Optional.ofNullable(selected.get(kind));
    }

    /**
     * Uses another device from now on, in every session. Slow (a camera starts, the audio system may block): call
     * it off a UI thread.
     *
     * @return empty on success, else why the previous device stays
     */
    public synchronized Optional<MediaWarning> select(DeviceKind kind, String deviceId) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deviceId, "deviceId");
        if (closed) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED, "The call has ended."));
        }
        if (deviceId.equals(selected.get(kind))) {
            return Optional.empty();
        }
        Optional<MediaWarning> problem = switch (kind) {
            case CAMERA -> switchCamera(deviceId);
            case MICROPHONE -> switchAudio("microphone", deviceId, true);
            case SPEAKER -> switchAudio("speaker", deviceId, false);
        };
        if (problem.isEmpty()) {
            selected.put(kind, deviceId);
        }
        return problem;
    }

    /** Refuses every later switch; the engine is shutting down. */
    public synchronized void close() {
        closed = true;
    }

    private Optional<MediaWarning> switchCamera(String deviceId) {
        Optional<VideoDevice> device = catalog.cameraDevices().orElse(List.of()).stream()
                .filter(d -> deviceId.equals(d.getDescriptor()))
                .findFirst();
        if (device.isEmpty()) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_NOT_FOUND, "That camera is not connected any more."));
        }
        List<MediaWarning> failures = new ArrayList<>();
        Optional<LocalMedia.Input<VideoDeviceSource>> input =
                LocalMediaOpener.openCamera(device.get(), options, catalog, failures::add);
        if (input.isEmpty()) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED,
                    "The camera \"" + device.get().getName() + "\" could not be started."));
        }
        try {
            media.replaceCamera(input.get(), CameraState.DEVICE);
        } catch (IllegalStateException e) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED, "The call has ended."));
        }
        LOG.info("camera switched to {}", device.get().getName());
        return Optional.empty();
    }

    private Optional<MediaWarning> switchAudio(String what, String deviceId, boolean capture) {
        if (audio.headless) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED,
                    "No sound devices are in use (synthetic or no audio), so there is no " + what + " to switch."));
        }
        boolean running = inCall.getAsBoolean();
        Optional<Optional<MediaWarning>> outcome = TimedCall.call("select-" + what, options.deviceTimeout(),
                () -> AudioSwitch.apply(audio.module, deviceId, capture, running));
        return outcome.orElse(Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED,
                "The audio system did not answer; the " + what + " stays as it was.")));
    }
}
