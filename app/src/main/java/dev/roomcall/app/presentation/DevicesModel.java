package dev.roomcall.app.presentation;

import dev.roomcall.app.call.DeviceChoice;
import dev.roomcall.media.DeviceKind;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.local.DeviceInfo;
import dev.roomcall.media.local.DeviceListing;
import dev.roomcall.media.local.DeviceWatcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The cameras, microphones and speakers a call can switch between, kept current while devices are plugged in and
 * out (see {@link DeviceWatcher}), and the switching itself. Listing and switching are slow and may block on the
 * audio system, so they run on a background thread; results are handed to {@code uiThread}, where the values
 * change and views follow.
 */
public final class DevicesModel implements AutoCloseable {

    /** How often to look for devices when the platform does not say (hot-plug still shows within seconds). */
    static final Duration POLL = Duration.ofSeconds(3);

    /** Where a switch goes: {@link DeviceChoice#select} in the app, a fake in tests. */
    public interface Switcher {
        Optional<MediaWarning> select(DeviceKind kind, String deviceId);
    }

    private final Consumer<Runnable> uiThread;
    private final Switcher switcher;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roomcall-device-switch");
        t.setDaemon(true);
        return t;
    });
    private final Value<DeviceListing> listing =
            new Value<>(new DeviceListing(List.of(), List.of(), List.of(), false, false));
    private final Value<String> camera;
    private final Value<String> microphone;
    private final Value<String> speaker;
    private final Value<String> problem = new Value<>("");
    private final Value<Boolean> switching = new Value<>(false);
    private DeviceWatcher watcher;
    private boolean closed;

    /** For a running engine: watches the engine's device catalog and switches through {@link DeviceChoice}. */
    public static DevicesModel watching(MediaEngine engine, Consumer<Runnable> uiThread) {
        DeviceChoice choice = new DeviceChoice(engine);
        DevicesModel model = new DevicesModel(uiThread, choice::select, choice.selected(DeviceKind.CAMERA),
                choice.selected(DeviceKind.MICROPHONE), choice.selected(DeviceKind.SPEAKER));
        model.watcher = DeviceWatcher.start(engine.devices(), POLL, found -> uiThread.accept(() -> model.listed(found)));
        return model;
    }

    public DevicesModel(Consumer<Runnable> uiThread, Switcher switcher, String cameraId, String microphoneId,
                        String speakerId) {
        this.uiThread = uiThread;
        this.switcher = switcher;
        this.camera = new Value<>(cameraId);
        this.microphone = new Value<>(microphoneId);
        this.speaker = new Value<>(speakerId);
    }

    /** What is plugged in now. */
    public Value<DeviceListing> listing() {
        return listing;
    }

    /** The chosen device's id of that kind; null for the system default (or the synthetic source). */
    public Value<String> selected(DeviceKind kind) {
        switch (kind) {
            case CAMERA:
                return camera;
            case MICROPHONE:
                return microphone;
            case SPEAKER:
            default:
                return speaker;
        }
    }

    /** The last switch's failure in words, or empty. */
    public Value<String> problem() {
        return problem;
    }

    /** True while a switch is under way. */
    public Value<Boolean> switching() {
        return switching;
    }

    public static List<DeviceInfo> devices(DeviceListing listing, DeviceKind kind) {
        switch (kind) {
            case CAMERA:
                return listing.cameras();
            case MICROPHONE:
                return listing.microphones();
            case SPEAKER:
            default:
                return listing.speakers();
        }
    }

    /** Looks for devices again now, e.g. when the menu opens. */
    public void refresh() {
        if (watcher != null) {
            watcher.refreshSoon();
        }
    }

    /** Switches to the device in the background; the selection changes only once the switch worked. */
    public void select(DeviceKind kind, String deviceId) {
        if (closed || deviceId == null || deviceId.equals(selected(kind).get())) {
            return;
        }
        switching.set(true);
        problem.set("");
        background.execute(() -> {
            Optional<MediaWarning> failure;
            try {
                failure = switcher.select(kind, deviceId);
            } catch (RuntimeException e) {
                failure = Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED, String.valueOf(e.getMessage())));
            }
            Optional<MediaWarning> outcome = failure;
            uiThread.accept(() -> {
                switching.set(false);
                if (outcome.isPresent()) {
                    problem.set(CallStatus.text("devices.failed", outcome.get().message()));
                } else {
                    selected(kind).set(deviceId);
                }
            });
        });
    }

    /** A new listing from the watcher (UI thread). A chosen device that vanished falls back to the default. */
    void listed(DeviceListing found) {
        listing.set(found);
        for (DeviceKind kind : DeviceKind.values()) {
            String chosen = selected(kind).get();
            if (chosen != null && devices(found, kind).stream().noneMatch(d -> d.id().equals(chosen))
                    && (kind == DeviceKind.CAMERA ? found.videoAnswered() : found.audioAnswered())) {
                problem.set(CallStatus.text("devices.gone"));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        background.shutdown();
    }
}
