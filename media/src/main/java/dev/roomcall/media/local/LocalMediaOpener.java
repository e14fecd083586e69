package dev.roomcall.media.local;

import dev.roomcall.media.CameraState;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.synthetic.SyntheticMicrophone;
import dev.roomcall.media.synthetic.SyntheticVideo;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides what this side sends: test pattern and tone, or camera (else slate) and microphone (if any). */
public final class LocalMediaOpener {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMediaOpener.class);
    /** The slate never changes; a few frames a second keep the stream alive without costing bandwidth. */
    static final int SLATE_FPS = 5;

    private LocalMediaOpener() {}

    /** What was opened, and the {@link DeviceInfo#id()} of the camera in use (null for the pattern or the slate). */
    public record Opened(LocalMedia media, String cameraId) {}

    public static Opened open(PeerConnectionFactory factory, MediaOptions options, DeviceCatalog catalog,
                           AudioSetup audioSetup, Consumer<MediaWarning> warnings) {
        if (options.fakeMedia()) {
            SyntheticVideo pattern = SyntheticVideo.testPattern("fake-camera",
                    options.width(), options.height(), options.fps());
            SyntheticMicrophone microphone = new SyntheticMicrophone();
            pattern.start();
            microphone.start();
            return new Opened(new LocalMedia(factory, new LocalMedia.Input<>(pattern.source(), pattern::close),
                    slate(options), new LocalMedia.Input<>(microphone.source(), microphone::close),
                    CameraState.FAKE, true), null);
        }

        LocalMedia.Input<? extends AudioTrackSource> audio = null;
        if (!audioSetup.headless) {
            AudioOptions voice = new AudioOptions();
            voice.echoCancellation = true;
            voice.autoGainControl = true;
            voice.noiseSuppression = true;
            voice.highpassFilter = true;
            // Capture runs inside the audio device module, which libwebrtc starts when a call sends audio.
            audio = new LocalMedia.Input<>(factory.createAudioSource(voice), () -> { });
        }

        List<VideoDevice> cameras = catalog.cameraDevices().orElse(List.of());
        if (cameras.isEmpty()) {
            warnings.accept(new MediaWarning(MediaWarning.NO_CAMERA,
                    "No camera found; the other side sees a \"camera off\" picture."));
        } else {
            VideoDevice device = cameras.get(0);
            Optional<LocalMedia.Input<VideoDeviceSource>> camera = openCamera(device, options, catalog, warnings);
            if (camera.isPresent()) {
                return new Opened(new LocalMedia(factory, camera.get(), slate(options), audio, CameraState.DEVICE,
                        audioSetup.headless), device.getDescriptor());
            }
        }
        LocalMedia.Input<CustomVideoSource> slate = slate(options);
        return new Opened(new LocalMedia(factory, slate, slate, audio, CameraState.NONE, audioSetup.headless), null);
    }

    private static LocalMedia.Input<CustomVideoSource> slate(MediaOptions options) {
        SyntheticVideo slate = SyntheticVideo.cameraOffSlate("camera-off-slate",
                options.width(), options.height(), SLATE_FPS);
        slate.start();
        return new LocalMedia.Input<>(slate.source(), slate::close);
    }

    /** Starts capturing from {@code device}; empty (and a warning) if it does not start in time. */
    static Optional<LocalMedia.Input<VideoDeviceSource>> openCamera(VideoDevice device, MediaOptions options,
                                                                    DeviceCatalog catalog,
                                                                    Consumer<MediaWarning> warnings) {
        VideoCaptureCapability mode = CapabilityChooser.choose(catalog.capabilities(device).orElse(List.of()),
                options.width(), options.height(), options.fps());
        LOG.info("opening camera {} at {}x{}@{}", device.getName(), mode.width, mode.height, mode.frameRate);
        VideoDeviceSource source = new VideoDeviceSource();
        Optional<Boolean> started = TimedCall.call("camera-start", options.deviceTimeout(), () -> {
            source.setVideoCaptureDevice(device);
            source.setVideoCaptureCapability(mode);
            source.start();
            return Boolean.TRUE;
        });
        if (started.isEmpty()) {
            warnings.accept(new MediaWarning(MediaWarning.CAMERA_FAILED, "The camera \"" + device.getName()
                    + "\" could not be started; the other side sees a \"camera off\" picture."));
            // A start that is still stuck may yet touch the source: leave it to the process, do not dispose it.
            return Optional.empty();
        }
        return Optional.of(new LocalMedia.Input<>(source, source::stop));
    }
}
