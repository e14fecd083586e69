package dev.roomcall.media.local;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A device backend whose audio system can be made to hang like libwebrtc's does without a PulseAudio server. */
final class FakeDevices implements DeviceCatalog.Backend {
    final CountDownLatch audioHangsUntil = new CountDownLatch(1);
    final AtomicInteger microphoneQueries = new AtomicInteger();
    private final boolean audioHangs;
    private final List<VideoDevice> cameras;

    FakeDevices(boolean audioHangs, List<VideoDevice> cameras) {
        this.audioHangs = audioHangs;
        this.cameras = cameras;
    }

    static VideoDevice camera(String name) {
        return new VideoDevice(name, "/dev/fake-" + name) {};
    }

    @Override
    public List<VideoDevice> cameras() {
        return cameras;
    }

    @Override
    public List<VideoCaptureCapability> capabilities(VideoDevice camera) {
        return List.of(new VideoCaptureCapability(640, 480, 30));
    }

    @Override
    public List<? extends Device> microphones() {
        microphoneQueries.incrementAndGet();
        hangIfAsked();
        return List.of(new Device("Fake microphone", "mic-1") {});
    }

    @Override
    public List<? extends Device> speakers() {
        hangIfAsked();
        return List.of(new Device("Fake speaker", "speaker-1") {});
    }

    private void hangIfAsked() {
        if (audioHangs) {
            try {
                audioHangsUntil.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
