package dev.roomcall.app.presentation;

import dev.roomcall.media.DeviceKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.local.DeviceInfo;
import dev.roomcall.media.local.DeviceListing;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DevicesModelTest {

    /** Stands in for the UI thread: the test runs what was handed over when it chooses. */
    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    private void runUi() throws InterruptedException {
        Runnable task = ui.poll(10, TimeUnit.SECONDS);
        if (task == null) {
            throw new AssertionError("nothing was handed to the UI thread");
        }
        task.run();
    }

    @Test
    void aSwitchHappensInTheBackgroundAndTheChoiceChangesOnlyWhenItWorked() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        DevicesModel model = new DevicesModel(ui::add, (kind, id) -> "broken".equals(id)
                ? Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED, "The camera \"broken\" could not be started."))
                : Optional.empty(), "cam-1", null, null);
        try {
            model.select(DeviceKind.CAMERA, "cam-2");
            assertTrue(model.switching().get());
            assertEquals("cam-1", model.selected(DeviceKind.CAMERA).get(), "not before it worked");
            runUi();
            assertEquals("cam-2", model.selected(DeviceKind.CAMERA).get());

            model.select(DeviceKind.CAMERA, "broken");
            runUi();
            assertEquals("cam-2", model.selected(DeviceKind.CAMERA).get());
            assertEquals("Could not switch: The camera \"broken\" could not be started.", model.problem().get());
        } finally {
            model.close();
        }
    }

    @Test
    void unpluggingTheChosenDeviceIsSaid() {
        I18n.setLocale(Locale.ENGLISH);
        DevicesModel model = new DevicesModel(Runnable::run, (kind, id) -> Optional.empty(), null, "mic-usb", null);
        try {
            DeviceInfo builtIn = new DeviceInfo("Built-in", "mic-0");
            model.listed(new DeviceListing(List.of(), List.of(builtIn, new DeviceInfo("USB", "mic-usb")), List.of(), true, true));
            assertEquals("", model.problem().get());
            model.listed(new DeviceListing(List.of(), List.of(builtIn), List.of(), true, true));
            assertEquals(List.of(builtIn), model.listing().get().microphones());
            assertTrue(model.problem().get().contains("unplugged"), model.problem().get());
        } finally {
            model.close();
        }
    }
}
