package dev.roomcall.app.ui.settings;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.settings.DevicePreferences;
import dev.roomcall.media.local.DeviceInfo;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/**
 * A picker for one kind of device: "System default", the devices found, and a remembered device that is not plugged
 * in right now (kept, so it is used again when it comes back). When the platform lists none, it says so in words.
 */
final class DeviceChooser extends ComboBox<DeviceChooser.Choice> {

    /** One entry; {@code id} empty for the system default. */
    record Choice(String id, String label) { }

    private final I18n.Bundle texts = I18n.bundle(SettingsScreen.BUNDLE);
    private final String preferred;

    DeviceChooser(String id, String preferred) {
        this.preferred = preferred;
        setId(id);
        setMaxWidth(Double.MAX_VALUE);
        StringConverter<Choice> names = new StringConverter<>() {
            @Override
            public String toString(Choice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public Choice fromString(String text) {
                return null;
            }
        };
        setConverter(names);
        setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Choice item, boolean empty) {
                super.updateItem(item, empty);
                // A disabled empty picker shows its prompt: "Looking for devices…" or "No camera found".
                setText(empty || item == null ? getPromptText() : item.label());
            }
        });
        loading();
    }

    /** While the platform is asked (it can take seconds). */
    void loading() {
        getItems().clear();
        setPromptText(texts.text("devices.looking"));
        setDisable(true);
    }

    /**
     * @param devices      what the platform lists
     * @param answered     false if the platform did not answer in time
     * @param noneKey      the bundle key saying there is none, e.g. {@code devices.noCamera}
     */
    void show(List<DeviceInfo> devices, boolean answered, String noneKey) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(DevicePreferences.SYSTEM_DEFAULT, texts.text("devices.default")));
        devices.forEach(d -> choices.add(new Choice(d.id(), d.name())));
        boolean known = preferred.isEmpty() || devices.stream().anyMatch(d -> d.id().equals(preferred));
        if (!known) {
            choices.add(new Choice(preferred, texts.text("devices.absent", preferred)));
        }
        if (devices.isEmpty() && known) {
            getItems().clear();
            setPromptText(texts.text(answered ? noneKey : "devices.noAnswer"));
            setDisable(true);
            return;
        }
        getItems().setAll(choices);
        setDisable(false);
        getSelectionModel().select(choices.stream().filter(c -> c.id().equals(preferred)).findFirst().orElse(choices.get(0)));
    }

    /** The chosen device id; the remembered preference while nothing can be chosen. */
    String chosen() {
        Choice choice = getValue();
        return isDisabled() || choice == null ? preferred : choice.id();
    }
}
