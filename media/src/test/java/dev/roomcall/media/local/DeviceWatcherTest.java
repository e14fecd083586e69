package dev.roomcall.media.local;

import dev.roomcall.media.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.onvoid.webrtc.media.video.VideoDevice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeviceWatcherTest {

    /** Cameras that come and go, and a switch standing in for the platform's change notifications. */
    private static final class PluggableCameras implements DeviceWatcher.Notifications {
        final List<VideoDevice> cameras = new CopyOnWriteArrayList<>();
        final AtomicReference<Runnable> notify = new AtomicReference<>();
        final boolean platformNotifies;
        volatile boolean stopped;

        PluggableCameras(boolean platformNotifies) {
            this.platformNotifies = platformNotifies;
        }

        DeviceCatalog catalog() {
            return new DeviceCatalog(new FakeDevices(false, cameras), Duration.ofSeconds(2), "watcher-test");
        }

        @Override
        public void start(Runnable onChange) {
            if (!platformNotifies) {
                throw new UnsupportedOperationException("no udev here");
            }
            notify.set(onChange);
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    @Test
    void aCameraPluggedInIsReportedAtOnceWhenThePlatformSaysSo() {
        PluggableCameras platform = new PluggableCameras(true);
        List<DeviceListing> heard = new CopyOnWriteArrayList<>();
        // A period far longer than the test: only the notification can explain a second listing.
        try (DeviceWatcher watcher = DeviceWatcher.start(platform.catalog(), Duration.ofHours(1), heard::add, platform)) {
            Await.until("the first listing", () -> heard.size() == 1);
            assertEquals(List.of(), heard.get(0).cameras());
            assertEquals("Fake microphone", heard.get(0).microphones().get(0).name());

            platform.cameras.add(FakeDevices.camera("usb"));
            Await.until("notifications registered", () -> platform.notify.get() != null);
            platform.notify.get().run();
            Await.until("the new camera", () -> heard.size() == 2, heard::toString);
            assertEquals(List.of(new DeviceInfo("usb", "/dev/fake-usb")), heard.get(1).cameras());
        }
        Await.until("notifications switched off on close", () -> platform.stopped);
    }

    @Test
    void withoutNotificationsPollingFindsTheChangeAndAnUnchangedListingIsNotRepeated() throws Exception {
        PluggableCameras silent = new PluggableCameras(false);
        silent.cameras.add(FakeDevices.camera("built-in"));
        List<DeviceListing> heard = new CopyOnWriteArrayList<>();
        try (DeviceWatcher watcher = DeviceWatcher.start(silent.catalog(), Duration.ofMillis(50), heard::add, silent)) {
            Await.until("the first listing", () -> heard.size() == 1);
            Thread.sleep(300); // several polls of an unchanged world
            assertEquals(1, heard.size(), "the same devices are not announced again: " + heard);

            silent.cameras.clear();
            Await.until("the camera's removal", () -> heard.size() == 2, heard::toString);
            assertTrue(heard.get(1).cameras().isEmpty());
        }
    }
}
