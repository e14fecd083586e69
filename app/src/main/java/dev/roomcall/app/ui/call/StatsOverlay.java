package dev.roomcall.app.ui.call;

import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.app.presentation.StatsFeed;
import dev.roomcall.app.presentation.StatsHistory;
import dev.roomcall.app.presentation.StatsSummary;
import dev.roomcall.app.presentation.group.Tile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.ChoiceBox;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The numbers behind the call (toggle with I): resolution, frame rate, bitrate both ways, round-trip time,
 * packet loss, codec and connection type; each video track's own figures side by side (the camera and a shared
 * screen, received and sent: {@link TrackTable}); and the last minute of bitrate and round-trip time as small charts.
 * In a group call a choice at the top says whose connection it shows ({@link #offer}).
 */
final class StatsOverlay extends VBox {

    private final Label resolution = value();
    private final Label fps = value();
    private final Label bitrateIn = value();
    private final Label bitrateOut = value();
    private final Label rtt = value();
    private final Label loss = value();
    private final Label codec = value();
    private final Label route = value();
    private final Label pair = value();
    private final TrackTable tracks = new TrackTable();
    private final Sparkline bitrateChart = new Sparkline(220, 36, Color.web("#5cc8a8"), 100, 60);
    private final Sparkline rttChart = new Sparkline(220, 36, Color.web("#6cb6f0"), 50, 60);
    private final QualityIcon quality = new QualityIcon();
    private final Label qualityText = new Label();
    private final ChoiceBox<PeerId> person = new ChoiceBox<>();
    private final Label personName = new Label(CallStatus.text("group.stats.person"));
    private final List<Runnable> following = new ArrayList<>();
    private final List<Tile> offered = new ArrayList<>();
    private Consumer<PeerId> choose = p -> { };
    private boolean offering;

    StatsOverlay(CallViewModel model) {
        super(8);
        getStyleClass().add("stats-overlay");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_LEFT);
        Label heading = new Label(CallStatus.text("stats.heading"));
        heading.getStyleClass().add("overlay-heading");
        qualityText.getStyleClass().add("stats-quality");
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(8, heading, quality, qualityText);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(3);
        int row = 0;
        grid.addRow(row++, name("stats.resolution"), resolution);
        grid.addRow(row++, name("stats.fps"), fps);
        grid.addRow(row++, name("stats.bitrateIn"), bitrateIn);
        grid.addRow(row++, name("stats.bitrateOut"), bitrateOut);
        grid.addRow(row++, name("stats.rtt"), rtt);
        grid.addRow(row++, name("stats.loss"), loss);
        grid.addRow(row++, name("stats.codec"), codec);
        grid.addRow(row++, name("stats.candidate"), route);
        grid.addRow(row, name("stats.pair"), pair);

        Label bitrateCaption = caption("stats.chart.bitrate");
        Label rttCaption = caption("stats.chart.rtt");
        person.setId("statsPerson");
        person.setAccessibleText(CallStatus.text("group.stats.person"));
        person.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PeerId peer) {
                return offered.stream().filter(t -> t.peer().equals(peer)).map(Tile::name).findFirst().orElse("");
            }

            @Override
            public PeerId fromString(String text) {
                throw new UnsupportedOperationException("people are picked, not typed");
            }
        });
        person.valueProperty().addListener((obs, was, now) -> {
            if (!offering && now != null) {
                choose.accept(now);
            }
        });
        personName.getStyleClass().add("stats-name");
        personName.setLabelFor(person);
        javafx.scene.layout.HBox who = new javafx.scene.layout.HBox(8, personName, person);
        who.setAlignment(Pos.CENTER_LEFT);
        who.managedProperty().bind(who.visibleProperty());
        who.visibleProperty().bind(person.visibleProperty());
        person.setVisible(false);
        getChildren().addAll(head, who, grid, tracks, bitrateCaption, bitrateChart, rttCaption, rttChart);

        model.statsVisible().observe(this::setVisible);
        follow(model.statsFeed());
    }

    /** Shows the numbers of {@code feed} from now on (one person's, in a group call). */
    void follow(StatsFeed feed) {
        following.forEach(Runnable::run);
        following.clear();
        following.add(feed.stats().observe(s -> show(s, feed.history())));
        following.add(feed.quality().observe(q -> {
            quality.show(q);
            qualityText.setText(CallStatus.text("quality.short." + q.name()));
        }));
    }

    /**
     * Offers a choice of whose numbers to show; with fewer than two people there is nothing to choose and the
     * choice hides.
     *
     * @param chosen   whose numbers are shown now
     * @param onChoice told when the person picks someone else
     */
    void offer(List<Tile> people, PeerId chosen, Consumer<PeerId> onChoice) {
        offering = true;
        choose = Objects.requireNonNull(onChoice, "onChoice");
        offered.clear();
        offered.addAll(people);
        List<PeerId> ids = people.stream().map(Tile::peer).toList();
        if (!person.getItems().equals(ids)) {
            person.getItems().setAll(ids);
        }
        person.setValue(chosen);
        person.setVisible(people.size() > 1);
        offering = false;
    }

    private void show(StatsSummary s, StatsHistory history) {
        String dash = CallStatus.text("stats.none");
        resolution.setText(s.width() > 0 ? s.width() + " × " + s.height() : dash);
        fps.setText(s.width() > 0 ? format("%.0f", s.fps()) : dash);
        bitrateIn.setText(kbps(s.kbpsIn()));
        bitrateOut.setText(kbps(s.kbpsOut()));
        rtt.setText(history.size() == 0 ? dash : format("%.0f ms", s.rttMs()));
        loss.setText(history.size() == 0 ? dash : format("%.1f %%", s.lossPercent()));
        codec.setText(s.codec().isEmpty() ? dash : s.codec());
        route.setText(s.candidateType().isEmpty() ? dash : CallStatus.text("candidate." + s.candidateType()));
        pair.setText(CandidatePairText.of(s.candidatePair()));
        tracks.show(s.tracks());
        bitrateChart.show(history.values(StatsHistory.Series.KBPS_IN));
        rttChart.show(history.values(StatsHistory.Series.RTT_MS));
    }

    static String kbps(double value) {
        return value >= 1000 ? format("%.2f Mbit/s", value / 1000) : format("%.0f kbit/s", value);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static Label value() {
        Label label = new Label();
        label.getStyleClass().add("stats-value");
        return label;
    }

    private static Label name(String key) {
        Label label = new Label(CallStatus.text(key));
        label.getStyleClass().add("stats-name");
        return label;
    }

    private static Label caption(String key) {
        Label label = new Label(CallStatus.text(key));
        label.getStyleClass().add("stats-caption");
        return label;
    }

}
