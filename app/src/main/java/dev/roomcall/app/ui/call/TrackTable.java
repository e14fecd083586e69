package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.TrackFigures;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The statistics overlay's video by track: one column per track the session has (the camera and, while one flows,
 * a shared screen; received and sent), one row per figure. Each value label's id is
 * {@code track-<TRACK>-<figure>}, e.g. {@code track-SCREEN_SENT-resolution}.
 */
final class TrackTable extends GridPane {

    /** The rows: a text key for the name, and the value of one track's figures. */
    private record Row(String name, String key, Function<TrackFigures, String> value) {}

    private static final List<Row> ROWS = List.of(
            new Row("resolution", "stats.resolution",
                    f -> f.width() > 0 ? f.width() + " × " + f.height() : CallStatus.text("stats.none")),
            new Row("fps", "stats.fps", f -> f.width() > 0 ? format("%.0f", f.fps()) : CallStatus.text("stats.none")),
            new Row("bitrate", "stats.track.bitrate", f -> StatsOverlay.kbps(f.kbps())),
            new Row("frames", "stats.track.frames", f -> Long.toString(f.frames())));

    private List<TrackFigures.Track> shown = List.of();

    TrackTable() {
        getStyleClass().add("stats-tracks");
        setHgap(14);
        setVgap(3);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Shows these tracks' figures; the columns follow which tracks there are. */
    void show(List<TrackFigures> tracks) {
        List<TrackFigures.Track> now = tracks.stream().map(TrackFigures::track).toList();
        if (!now.equals(shown)) {
            layOut(now);
            shown = now;
        }
        for (TrackFigures figures : tracks) {
            for (Row row : ROWS) {
                ((Label) lookup("#" + id(figures.track(), row))).setText(row.value().apply(figures));
            }
        }
        setVisible(!tracks.isEmpty());
    }

    private void layOut(List<TrackFigures.Track> tracks) {
        getChildren().clear();
        Label heading = label(CallStatus.text("stats.track.heading"), "stats-name");
        add(heading, 0, 0);
        for (int r = 0; r < ROWS.size(); r++) {
            add(label(CallStatus.text(ROWS.get(r).key()), "stats-name"), 0, r + 1);
        }
        for (int c = 0; c < tracks.size(); c++) {
            TrackFigures.Track track = tracks.get(c);
            Label title = label(CallStatus.text("stats.track." + track.name()), "stats-track-title");
            title.setId("track-" + track.name());
            add(title, c + 1, 0);
            for (int r = 0; r < ROWS.size(); r++) {
                Label value = label("", "stats-value");
                value.setId(id(track, ROWS.get(r)));
                add(value, c + 1, r + 1);
            }
        }
    }

    private static String id(TrackFigures.Track track, Row row) {
        return "track-" + track.name() + "-" + row.name();
    }

    private static Label label(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        return label;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
