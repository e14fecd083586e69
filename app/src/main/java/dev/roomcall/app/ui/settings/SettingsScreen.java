package dev.roomcall.app.ui.settings;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.settings.DevicePreferences;
import dev.roomcall.app.settings.DisplayName;
import dev.roomcall.app.settings.Language;
import dev.roomcall.app.settings.Resolution;
import dev.roomcall.app.settings.ShareSize;
import dev.roomcall.app.settings.ServerAddress;
import dev.roomcall.app.settings.SettingProblem;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.media.local.DeviceListing;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The settings, on one calm page: the name others see, connection (server, STUN/TURN), camera and sound, language. Nothing is applied
 * until "Save", and nothing wrong is saved: each bad value says what is wrong beneath it. The device lists come from
 * the platform, which can take seconds, so they fill in off the FX thread.
 */
public final class SettingsScreen extends BorderPane {

    public static final String BUNDLE = "dev.roomcall.app.ui.settings.settings";

    private final I18n.Bundle texts = I18n.bundle(BUNDLE);
    private final Settings current;
    private final Consumer<Settings> onSave;

    private final TextField displayName = new TextField();
    private final TextField server = new TextField();
    private final Label serverError = new Label();
    private final IceServerEditor iceServers;
    private final CheckBox relayOnly = new CheckBox();
    private final DeviceChooser camera;
    private final DeviceChooser microphone;
    private final DeviceChooser speaker;
    private final ChoiceBox<Resolution> resolution = new ChoiceBox<>();
    private final ChoiceBox<ShareSize> shareSize = new ChoiceBox<>();
    private final ChoiceBox<Language> language = new ChoiceBox<>();
    private final CheckBox chime = new CheckBox();
    private final Slider chimeVolume = new Slider(5, 100, 70);

    /**
     * @param builtInServer whether this computer runs a server (an empty server field then means it)
     * @param devices       lists the platform's devices; slow, called off the FX thread
     * @param onSave        gets the new settings; the window saves and applies them
     * @param onCancel      leaves without changing anything
     */
    public SettingsScreen(Settings current, boolean builtInServer, Supplier<DeviceListing> devices,
                          Consumer<Settings> onSave, Runnable onCancel) {
        this.current = Objects.requireNonNull(current, "current");
        this.onSave = Objects.requireNonNull(onSave, "onSave");
        getStyleClass().addAll("home", "settings");
        iceServers = new IceServerEditor(current.iceServers());
        camera = new DeviceChooser("camera", current.devices().camera());
        microphone = new DeviceChooser("microphone", current.devices().microphone());
        speaker = new DeviceChooser("speaker", current.devices().speaker());

        setTop(topBar());
        VBox sections = new VBox(18, you(DisplayName.ofAccount()), connection(builtInServer), media(), languageSection());
        sections.setPadding(new Insets(8, 40, 24, 40));
        sections.setMaxWidth(860);
        VBox body = new VBox(sections);
        body.setAlignment(Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("home-scroll");
        setCenter(scroll);
        setBottom(buttons(onCancel));

        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                afterNextLayout(scene, () -> {
                    server.requestFocus();
                    server.end();
                });
            }
        });
        CompletableFuture.supplyAsync(devices).whenComplete((listing, failure) -> Platform.runLater(() -> {
            DeviceListing found = listing != null ? listing : new DeviceListing(List.of(), List.of(), List.of(), false, false);
            camera.show(found.cameras(), found.videoAnswered(), "devices.noCamera");
            microphone.show(found.microphones(), found.audioAnswered(), "devices.noMicrophone");
            speaker.show(found.speakers(), found.audioAnswered(), "devices.noSpeaker");
        }));
    }

    /**
     * Runs {@code action} once the scene has finished its next pulse. A scene hands focus to its first control when
     * the focused one (the button that opened this screen) leaves; asking for focus any earlier would be undone.
     */
    static void afterNextLayout(javafx.scene.Scene scene, Runnable action) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                action.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    private HBox topBar() {
        Label brand = new Label(texts.text("brand"));
        brand.getStyleClass().add("brand");
        brand.setGraphic(new javafx.scene.shape.Circle(5, javafx.scene.paint.Color.web("#5cc8a8")));
        Label title = new Label(texts.text("title"));
        title.getStyleClass().add("page-title");
        HBox bar = new HBox(16, brand, title);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    /**
     * The name others see on this person's tile. Empty means the computer's account name, shown as the prompt;
     * the field takes no more than a display name may have.
     */
    private VBox you(String accountName) {
        displayName.setId("displayName");
        displayName.setText(current.displayName());
        displayName.setPromptText(accountName);
        int max = dev.roomcall.signaling.DisplayText.Kind.NAME.maxChars();
        displayName.setTextFormatter(new javafx.scene.control.TextFormatter<String>(
                change -> change.getControlNewText().length() <= max ? change : null));
        named(displayName, "name.label", "name.hint");
        Label hint = hint(accountName.isEmpty() ? texts.text("name.hint")
                : texts.text("name.hint.account", accountName));
        GridPane grid = grid();
        addRow(grid, 0, texts.text("name.label"), new VBox(4, displayName, hint));
        return section(texts.text("section.you"), grid);
    }

    private VBox connection(boolean builtInServer) {
        server.setId("settingsServer");
        server.setText(current.server());
        server.setPromptText(texts.text(builtInServer ? "server.prompt.builtIn" : "server.prompt.required"));
        server.textProperty().addListener((o, was, now) -> showServerProblem(Optional.empty()));
        serverError.setId("settingsServerError");
        serverError.getStyleClass().add("error");
        serverError.setWrapText(true);
        showServerProblem(Optional.empty());
        server.setAccessibleText(texts.text("server.label"));
        server.setAccessibleHelp(texts.text("server.hint"));
        VBox serverBox = new VBox(4, server, serverError, hint(texts.text("server.hint")));

        VBox iceBox = new VBox(6, iceServers, hint(texts.text("ice.hint")));
        relayOnly.setId("relayOnly");
        relayOnly.setText(texts.text("relayOnly.label"));
        relayOnly.setSelected(current.relayOnly());
        relayOnly.setTooltip(new Tooltip(texts.text("relayOnly.tooltip")));
        VBox relayBox = new VBox(4, relayOnly, hint(texts.text("relayOnly.hint")));
        GridPane grid = grid();
        addRow(grid, 0, texts.text("server.label"), serverBox);
        addRow(grid, 1, texts.text("ice.label"), iceBox);
        addRow(grid, 2, texts.text("relayOnly.section"), relayBox);
        return section(texts.text("section.connection"), grid);
    }

    private VBox media() {
        resolution.setId("resolution");
        resolution.getItems().setAll(Resolution.HD, Resolution.VGA);
        resolution.setConverter(converter(r -> texts.text("resolution." + r.name().toLowerCase(Locale.ROOT))));
        resolution.setValue(current.resolution());
        named(camera, "devices.camera", "devices.nextCall");
        named(microphone, "devices.microphone", "devices.nextCall");
        named(speaker, "devices.speaker", "devices.nextCall");
        named(resolution, "resolution.label", "devices.nextCall");
        shareSize.setId("shareSize");
        shareSize.getItems().setAll(ShareSize.values());
        shareSize.setConverter(converter(s -> texts.text("shareSize." + s.name().toLowerCase(Locale.ROOT))));
        shareSize.setValue(current.shareSize());
        named(shareSize, "shareSize.label", "devices.nextCall");
        GridPane grid = grid();
        addRow(grid, 0, texts.text("devices.camera"), camera);
        addRow(grid, 1, texts.text("devices.microphone"), microphone);
        addRow(grid, 2, texts.text("devices.speaker"), speaker);
        addRow(grid, 3, texts.text("resolution.label"), resolution);
        addRow(grid, 4, texts.text("shareSize.label"), shareSize);
        addRow(grid, 5, texts.text("chime.label"), chimeControls());
        Label note = hint(texts.text("devices.nextCall"));
        note.setId("deviceNote");
        return section(texts.text("section.media"), grid, note);
    }

    /** What a screen reader says for a control whose visible name is the caption beside it. */
    private void named(Node control, String nameKey, String helpKey) {
        control.setAccessibleText(texts.text(nameKey));
        control.setAccessibleHelp(texts.text(helpKey));
    }

    /** The arrival/leave sound: an off switch and its volume (saved as 0 when off). */
    private HBox chimeControls() {
        chime.setId("chime");
        chime.setText(texts.text("chime.on"));
        chime.setSelected(current.chimeVolume() > 0);
        chime.setTooltip(new Tooltip(texts.text("chime.tooltip")));
        chimeVolume.setId("chimeVolume");
        if (current.chimeVolume() > 0) {
            chimeVolume.setValue(Math.max(chimeVolume.getMin(), current.chimeVolume() * 100));
        }
        chimeVolume.disableProperty().bind(chime.selectedProperty().not());
        chimeVolume.setAccessibleText(texts.text("chime.volume"));
        chimeVolume.setAccessibleHelp(texts.text("chime.tooltip"));
        chimeVolume.setPrefWidth(180);
        HBox row = new HBox(16, chime, chimeVolume);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox languageSection() {
        language.setId("language");
        language.getItems().setAll(Language.values());
        // Each language is named in itself, so a person who cannot read the current one still finds theirs.
        language.setConverter(converter(SettingsScreen::languageName));
        language.setValue(current.language());
        named(language, "language.label", "language.hint");
        GridPane grid = grid();
        addRow(grid, 0, texts.text("language.label"), language);
        return section(texts.text("section.language"), grid, hint(texts.text("language.hint")));
    }

    private static String languageName(Language language) {
        switch (language) {
            case ENGLISH:
                return "English";
            case SIMPLIFIED_CHINESE:
                return "简体中文";
            default:
                return I18n.text(BUNDLE, "language.system",
                        languageName(I18n.pick(Locale.getDefault()).equals(Locale.SIMPLIFIED_CHINESE)
                                ? Language.SIMPLIFIED_CHINESE : Language.ENGLISH));
        }
    }

    private HBox buttons(Runnable onCancel) {
        Button cancel = new Button(texts.text("cancel"));
        cancel.setId("cancelSettings");
        cancel.setCancelButton(true);
        cancel.setTooltip(new Tooltip(texts.text("cancel.tooltip")));
        cancel.setOnAction(e -> onCancel.run());
        Button save = new Button(texts.text("save"));
        save.setId("saveSettings");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setTooltip(new Tooltip(texts.text("save.tooltip")));
        save.setOnAction(e -> save());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, gap, cancel, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void save() {
        String serverText = server.getText().strip();
        Optional<SettingProblem> serverProblem = serverText.isEmpty() ? Optional.empty() : ServerAddress.check(serverText);
        showServerProblem(serverProblem);
        Optional<List<dev.roomcall.app.settings.IceServerSetting>> ice = iceServers.validated();
        if (serverProblem.isPresent() || ice.isEmpty()) {
            return;
        }
        onSave.accept(new Settings(serverText,
                new DevicePreferences(camera.chosen(), microphone.chosen(), speaker.chosen()),
                resolution.getValue(), ice.get(), language.getValue(), relayOnly.isSelected(),
                chime.isSelected() ? chimeVolume.getValue() / 100 : 0, displayName.getText(), shareSize.getValue()));
    }

    private void showServerProblem(Optional<SettingProblem> problem) {
        serverError.setText(problem.map(ProblemText::of).orElse(""));
        serverError.setVisible(problem.isPresent());
        serverError.setManaged(problem.isPresent());
    }

    // ------------------------------------------------------------------ layout helpers

    private static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        VBox box = new VBox(12, heading);
        box.getChildren().addAll(content);
        box.getStyleClass().add("card");
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(12);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static void addRow(GridPane grid, int row, String label, Node field) {
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        caption.setLabelFor(field);
        GridPane.setValignment(caption, javafx.geometry.VPos.TOP);
        caption.setPadding(new Insets(8, 0, 0, 0));
        grid.add(caption, 0, row);
        grid.add(field, 1, row);
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return hint;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> names) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : names.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
