package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.DevicesModel;
import dev.roomcall.media.DeviceKind;
import dev.roomcall.media.local.DeviceInfo;
import dev.roomcall.media.local.DeviceListing;
import java.util.List;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/**
 * Camera, microphone and speaker to switch to during the call. The lists follow devices being plugged in and
 * out ({@link DevicesModel}); choosing one switches in the background, and a failure shows in the tooltip and the
 * menu's last line. A round button like its neighbours that opens the menu above itself.
 */
final class DeviceMenu extends Button {

    private final DevicesModel devices;
    private final Menu cameras = new Menu(CallStatus.text("devices.camera"));
    private final Menu microphones = new Menu(CallStatus.text("devices.microphone"));
    private final Menu speakers = new Menu(CallStatus.text("devices.speaker"));
    private final MenuItem problem = new MenuItem();
    private final ContextMenu menu = new ContextMenu();

    DeviceMenu(DevicesModel devices) {
        this.devices = devices;
        setGraphic(Icons.of(20, Icons.DEVICES));
        getStyleClass().addAll("control", "device-menu");
        setTooltip(new Tooltip(CallStatus.text("tooltip.devices")));
        setAccessibleText(CallStatus.text("a11y.devices"));
        setAccessibleHelp(CallStatus.text("tooltip.devices"));
        problem.setDisable(true);
        problem.setVisible(false);
        menu.getItems().addAll(cameras, microphones, speakers, problem);
        menu.getStyleClass().add("device-context-menu");
        // While the menu shows, a click elsewhere (this button included) only hides it: the menu consumes that click.
        setOnAction(e -> {
            if (menu.isShowing()) {
                menu.hide();
            } else {
                devices.refresh();
                menu.show(this, Side.TOP, 0, -8);
            }
        });
        devices.listing().observe(listing -> rebuild());
        for (DeviceKind kind : DeviceKind.values()) {
            devices.selected(kind).observe(id -> rebuild());
        }
        devices.problem().observe(text -> {
            problem.setText(text);
            problem.setVisible(!text.isEmpty());
            getTooltip().setText(text.isEmpty() ? CallStatus.text("tooltip.devices") : text);
        });
    }

    private void rebuild() {
        DeviceListing listing = devices.listing().get();
        fill(cameras, DeviceKind.CAMERA, listing);
        fill(microphones, DeviceKind.MICROPHONE, listing);
        fill(speakers, DeviceKind.SPEAKER, listing);
    }

    private void fill(Menu submenu, DeviceKind kind, DeviceListing listing) {
        List<DeviceInfo> found = DevicesModel.devices(listing, kind);
        String chosen = devices.selected(kind).get();
        submenu.getItems().clear();
        if (found.isEmpty()) {
            MenuItem none = new MenuItem(CallStatus.text("devices.none"));
            none.setDisable(true);
            submenu.getItems().add(none);
            return;
        }
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < found.size(); i++) {
            DeviceInfo device = found.get(i);
            RadioMenuItem item = new RadioMenuItem(device.name());
            item.setToggleGroup(group);
            // Nothing chosen yet means the system's default, which the platform lists first.
            item.setSelected(chosen == null ? i == 0 && kind != DeviceKind.CAMERA : device.id().equals(chosen));
            item.setOnAction(e -> devices.select(kind, device.id()));
            submenu.getItems().add(item);
        }
    }
}
