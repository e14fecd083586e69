package dev.roomcall.media.local;

import dev.roomcall.media.WebRtcNatives;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Lists cameras, microphones and speakers without ever hanging the caller: each native query runs on a daemon
 * thread and is abandoned after the timeout (libwebrtc's PulseAudio enumeration blocks forever when no server
 * runs). Safe to call from any thread, though a UI should still call it off its event thread.
 */
public final class DeviceCatalog {

    /** The native queries, replaceable so tests can simulate a hanging audio system. */
    interface Backend {
        List<VideoDevice> cameras();

        List<VideoCaptureCapability> capabilities(VideoDevice camera);

        List<? extends Device> microphones();

        List<? extends Device> speakers();
    }

    private static final Backend NATIVE = new Backend() {
        @Override
        public List<VideoDevice> cameras() {
            return MediaDevices.getVideoCaptureDevices();
        }

        @Override
        public List<VideoCaptureCapability> capabilities(VideoDevice camera) {
            return MediaDevices.getVideoCaptureCapabilities(camera);
        }

        @Override
        public List<? extends Device> microphones() {
            return MediaDevices.getAudioCaptureDevices();
        }

        @Override
        public List<? extends Device> speakers() {
            return MediaDevices.getAudioRenderDevices();
        }
    };

    private final Backend backend;
    private final Duration timeout;
    private final String keyPrefix;

    public DeviceCatalog(Duration timeout) {
        this(NATIVE, timeout, "devices");
        WebRtcNatives.load();
    }

    DeviceCatalog(Backend backend, Duration timeout, String keyPrefix) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.keyPrefix = keyPrefix;
    }

    /** Queries video and audio in parallel; returns within about twice the timeout whatever the platform does. */
    public DeviceListing list() {
        long deadline = System.nanoTime() + timeout.toNanos();
        String camerasKey = keyPrefix + "-cameras";
        String microphonesKey = keyPrefix + "-microphones";
        Future<List<VideoDevice>> cameras = TimedCall.start(camerasKey, backend::cameras);
        Future<List<? extends Device>> microphones = TimedCall.start(microphonesKey, backend::microphones);
        Optional<List<? extends Device>> mics = TimedCall.await(microphonesKey, microphones, deadline);
        // Only ask for speakers once the audio system proved alive: a second stuck thread would buy nothing.
        Optional<List<? extends Device>> speakers = mics.isPresent()
                ? TimedCall.call(keyPrefix + "-speakers", timeout, backend::speakers)
                : Optional.empty();
        Optional<List<VideoDevice>> cams = TimedCall.await(camerasKey, cameras, deadline);
        return new DeviceListing(
                cams.map(DeviceCatalog::infos).orElse(List.of()),
                mics.map(DeviceCatalog::infos).orElse(List.of()),
                speakers.map(DeviceCatalog::infos).orElse(List.of()),
                cams.isPresent(),
                mics.isPresent() && speakers.isPresent());
    }

    /** True if the audio system lists its capture devices within the timeout. */
    public boolean audioSystemAnswers() {
        return microphoneDevices().isPresent();
    }

    Optional<List<VideoDevice>> cameraDevices() {
        return TimedCall.call(keyPrefix + "-cameras", timeout, backend::cameras);
    }

    Optional<List<VideoCaptureCapability>> capabilities(VideoDevice camera) {
        return TimedCall.call(keyPrefix + "-capabilities", timeout, () -> backend.capabilities(camera));
    }

    private Optional<List<? extends Device>> microphoneDevices() {
        return TimedCall.call(keyPrefix + "-microphones", timeout, backend::microphones);
    }

    private static List<DeviceInfo> infos(List<? extends Device> devices) {
        return devices.stream()
                .filter(Objects::nonNull)
                .map(d -> new DeviceInfo(String.valueOf(d.getName()), String.valueOf(d.getDescriptor())))
                .toList();
    }
}
