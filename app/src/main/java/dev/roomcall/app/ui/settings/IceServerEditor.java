package dev.roomcall.app.ui.settings;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.settings.IceServerSetting;
import dev.roomcall.app.settings.SettingProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The STUN/TURN servers: one row per server (URL, username, credential), added and removed in place. */
final class IceServerEditor extends VBox {

    private final I18n.Bundle texts = I18n.bundle(SettingsScreen.BUNDLE);
    private final VBox rows = new VBox(8);

    IceServerEditor(List<IceServerSetting> servers) {
        setSpacing(10);
        rows.setId("iceList");
        servers.forEach(this::addRow);
        Button add = new Button(texts.text("ice.add"));
        add.setId("addIce");
        add.getStyleClass().add("quiet");
        add.setTooltip(new Tooltip(texts.text("ice.add.tooltip")));
        add.setOnAction(e -> addRow(new IceServerSetting("", "", "")).url.requestFocus());
        getChildren().addAll(rows, add);
    }

    /**
     * The entries, or empty if one is wrong (each wrong row then says why beneath it). Rows left completely blank are
     * dropped, not reported.
     */
    Optional<List<IceServerSetting>> validated() {
        List<IceServerSetting> servers = new ArrayList<>();
        boolean ok = true;
        for (javafx.scene.Node node : rows.getChildren()) {
            Row row = (Row) node;
            IceServerSetting server = row.value();
            row.showProblem(Optional.empty());
            if (server.url().isEmpty() && server.username().isEmpty() && server.credential().isEmpty()) {
                continue;
            }
            Optional<SettingProblem> problem = server.problem();
            row.showProblem(problem);
            ok &= problem.isEmpty();
            servers.add(server);
        }
        return ok ? Optional.of(servers) : Optional.empty();
    }

    private Row addRow(IceServerSetting server) {
        Row row = new Row(server);
        rows.getChildren().add(row);
        return row;
    }

    /** One server. */
    private final class Row extends VBox {
        final TextField url = new TextField();
        final TextField username = new TextField();
        final PasswordField credential = new PasswordField();
        final Label error = new Label();

        Row(IceServerSetting server) {
            getStyleClass().add("ice-row");
            url.setText(server.url());
            url.setPromptText(texts.text("ice.url.prompt"));
            url.setAccessibleText(texts.text("ice.url.name"));
            url.setAccessibleHelp(texts.text("ice.hint"));
            url.getStyleClass().add("ice-url");
            HBox.setHgrow(url, Priority.ALWAYS);
            username.setText(server.username());
            username.setPromptText(texts.text("ice.username.prompt"));
            username.setAccessibleText(texts.text("ice.username.prompt"));
            username.setAccessibleHelp(texts.text("ice.credentials.help"));
            username.getStyleClass().add("ice-username");
            username.setPrefWidth(120);
            credential.setText(server.credential());
            credential.setPromptText(texts.text("ice.credential.prompt"));
            credential.setAccessibleText(texts.text("ice.credential.prompt"));
            credential.setAccessibleHelp(texts.text("ice.credentials.help"));
            credential.getStyleClass().add("ice-credential");
            credential.setPrefWidth(120);
            url.setMinWidth(200);
            Button remove = new Button(texts.text("ice.remove"));
            remove.getStyleClass().addAll("quiet", "ice-remove");
            remove.setTooltip(new Tooltip(texts.text("ice.remove.tooltip")));
            remove.setOnAction(e -> rows.getChildren().remove(this));
            HBox fields = new HBox(8, url, username, credential, remove);
            fields.setAlignment(Pos.CENTER_LEFT);
            error.getStyleClass().addAll("error", "ice-error");
            error.setWrapText(true);
            showProblem(Optional.empty());
            setSpacing(4);
            getChildren().addAll(fields, error);
        }

        IceServerSetting value() {
            return new IceServerSetting(url.getText(), username.getText(), credential.getText());
        }

        void showProblem(Optional<SettingProblem> problem) {
            error.setText(problem.map(ProblemText::of).orElse(""));
            error.setVisible(problem.isPresent());
            error.setManaged(problem.isPresent());
        }
    }
}
