package dev.roomcall.media.local;

import dev.roomcall.media.WebRtcNatives;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.DeviceChangeListener;
import dev.onvoid.webrtc.media.MediaDevices;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices cameras, microphones and speakers being plugged in or out while the app runs. It lists the devices
 * on its own daemon thread at start, whenever the platform reports a change, and every {@code period} besides
 * (platform notifications are not available everywhere, and a missed one must not leave a stale menu). The
 * listener hears the first listing and then only listings that differ from the one before.
 */
public final class DeviceWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceWatcher.class);

    /** How the platform's own change notifications are switched on and off; replaceable in tests. */
    interface Notifications {
        void start(Runnable onChange);

        void stop();
    }

    private final DeviceCatalog catalog;
    private final Consumer<DeviceListing> listener;
    private final Notifications notifications;
    private final ScheduledExecutorService thread;
    private DeviceListing last; // only touched on `thread`
    private volatile boolean closed;

    private DeviceWatcher(DeviceCatalog catalog, Consumer<DeviceListing> listener, Notifications notifications) {
        this.catalog = catalog;
        this.listener = listener;
        this.notifications = notifications;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "roomcall-device-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts watching; {@code listener} runs on the watcher's thread (hand UI work to the toolkit's thread).
     *
     * @param period how often to look again without being told (a few seconds)
     */
    public static DeviceWatcher start(DeviceCatalog catalog, Duration period, Consumer<DeviceListing> listener) {
        return start(catalog, period, listener, new PlatformNotifications());
    }

    static DeviceWatcher start(DeviceCatalog catalog, Duration period, Consumer<DeviceListing> listener,
                               Notifications notifications) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(listener, "listener");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        DeviceWatcher watcher = new DeviceWatcher(catalog, listener, notifications);
        watcher.thread.execute(() -> {
            try {
                notifications.start(watcher::refreshSoon);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError vm) {
                    throw vm;
                }
                LOG.info("no device change notifications here ({}); looking every {} s", e, period.toSeconds());
            }
        });
        long millis = period.toMillis();
        watcher.thread.scheduleWithFixedDelay(watcher::refresh, 0, millis, TimeUnit.MILLISECONDS);
        return watcher;
    }

    /** Looks again now (on the watcher's thread), e.g. when a menu opens. */
    public void refreshSoon() {
        if (closed) {
            return;
        }
        try {
            thread.execute(this::refresh);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed meanwhile.
        }
    }

    private void refresh() {
        if (closed) {
            return;
        }
        DeviceListing now;
        try {
            now = catalog.list();
        } catch (RuntimeException e) {
            LOG.warn("listing devices failed: {}", e.toString());
            return;
        }
        if (now.equals(last)) {
            return;
        }
        last = now;
        try {
            listener.accept(now);
        } catch (RuntimeException e) {
            LOG.warn("device listener failed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.execute(() -> {
                try {
                    notifications.stop();
                } catch (RuntimeException | Error e) {
                    LOG.debug("stopping device notifications: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Already stopped.
        }
        thread.shutdown();
    }

    /** webrtc-java's listener: udev/PulseAudio on Linux, the platform's device notifications elsewhere. */
    private static final class PlatformNotifications implements Notifications {
        private DeviceChangeListener registered;

        @Override
        public void start(Runnable onChange) {
            WebRtcNatives.load();
            DeviceChangeListener listener = new DeviceChangeListener() {
                @Override
                public void deviceConnected(Device device) {
                    LOG.info("device connected: {}", device.getName());
                    onChange.run();
                }

                @Override
                public void deviceDisconnected(Device device) {
                    LOG.info("device disconnected: {}", device.getName());
                    onChange.run();
                }
            };
            MediaDevices.addDeviceChangeListener(listener);
            registered = listener;
        }

        @Override
        public void stop() {
            if (registered != null) {
                MediaDevices.removeDeviceChangeListener(registered);
                registered = null;
            }
        }
    }
}
