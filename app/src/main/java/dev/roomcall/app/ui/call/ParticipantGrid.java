package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.group.GridLayout;
import dev.roomcall.app.presentation.group.Participants;
import dev.roomcall.app.presentation.group.Slot;
import dev.roomcall.app.presentation.group.Tile;
import dev.roomcall.app.presentation.group.TileText;
import dev.roomcall.media.render.FrameSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/**
 * The other people of a call, laid out by {@link Participants}' {@link GridLayout} with {@link GridGeometry}. With
 * one other person it is exactly the two-person call's view: one bare picture as large as the pane, no frame and
 * no name. With more, each picture is a {@link ParticipantTile}; a shared screen shown large says who presents.
 * Tiles come and go with the people; a click, Enter or Space on a tile pins or unpins it.
 */
final class ParticipantGrid extends Pane {

    private final Participants participants;
    private final VideoView single;
    private final Map<Slot, ParticipantTile> tiles = new LinkedHashMap<>();
    private final Label presenting = new Label();
    private final AnimationTimer ticker;
    private FrameSource singleSource;
    private GridLayout layout = GridLayout.WAITING;
    private long lastTick;

    ParticipantGrid(Participants participants) {
        this.participants = participants;
        getStyleClass().add("participant-grid");
        single = new VideoView(() -> singleSource, false);
        single.getStyleClass().add("remote-video");
        single.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        presenting.getStyleClass().add("tile-presenting");
        presenting.setMouseTransparent(true);
        presenting.setManaged(false);
        getChildren().addAll(single, presenting);
        setMinSize(0, 0);
        participants.tiles().observe(t -> refresh());
        participants.layout().observe(l -> refresh());
        // Speaking ends when levels stop coming: the model needs a look at the clock now and then.
        ticker = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - lastTick > 200_000_000L) {
                    lastTick = now;
                    participants.tick();
                }
            }
        };
        ticker.start();
    }

    /** The tiles shown now, in the order they are laid out (main, then the strip); for tests. */
    List<ParticipantTile> tiles() {
        List<ParticipantTile> shown = new ArrayList<>();
        layout.main().forEach(s -> Optional.ofNullable(tiles.get(s)).ifPresent(shown::add));
        layout.strip().forEach(s -> Optional.ofNullable(tiles.get(s)).ifPresent(shown::add));
        return shown;
    }

    /** The bare picture of a two-person call; for tests and the screen's reading order. */
    VideoView single() {
        return single;
    }

    void stop() {
        ticker.stop();
        single.stop();
        tiles.values().forEach(ParticipantTile::stop);
    }

    private void refresh() {
        layout = participants.layout().get();
        boolean bare = layout.kind() == GridLayout.Kind.SINGLE || layout.kind() == GridLayout.Kind.WAITING;
        Optional<Tile> first = participants.tiles().get().stream().findFirst();
        singleSource = bare ? first.map(Tile::camera).orElse(null) : null;
        single.setVisible(bare);
        single.setAccessibleText(CallStatus.text(first.map(Tile::cameraOn).orElse(true)
                ? "a11y.remoteVideo" : "a11y.remoteVideo.off"));

        List<Slot> wanted = new ArrayList<>();
        if (!bare) {
            wanted.addAll(layout.main());
            wanted.addAll(layout.strip());
        }
        tiles.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            e.getValue().stop();
            getChildren().remove(e.getValue());
            return true;
        });
        for (Slot slot : wanted) {
            ParticipantTile tile = tiles.computeIfAbsent(slot, s -> {
                ParticipantTile made = new ParticipantTile(s, () -> participants.togglePin(s.peer()));
                getChildren().add(getChildren().indexOf(presenting), made);
                return made;
            });
            participants.tile(slot.peer()).ifPresent(t -> tile.show(t, layout.strip().contains(slot)));
        }
        // Reading and Tab order follow the layout: the large picture first, then the strip. Moving a node drops
        // its focus, so only a real change of order moves anything, and the focused tile gets its focus back.
        List<ParticipantTile> ordered = tiles();
        List<javafx.scene.Node> current = getChildren().stream().filter(n -> n instanceof ParticipantTile).toList();
        if (!current.equals(ordered)) {
            ParticipantTile focused = ordered.stream().filter(javafx.scene.Node::isFocused).findFirst().orElse(null);
            getChildren().removeAll(ordered);
            getChildren().addAll(getChildren().indexOf(presenting), ordered);
            if (focused != null) {
                focused.requestFocus();
            }
        }

        Optional<Slot> screen = layout.focused().filter(s -> s.content() == Slot.Content.SCREEN);
        Optional<Tile> presenter = screen.flatMap(s -> participants.tile(s.peer()));
        presenting.setText(presenter.map(TileText::presenting).orElse(""));
        presenting.setVisible(presenter.isPresent());
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        single.resizeRelocate(0, 0, w, h);
        GridGeometry.Placement at = GridGeometry.place(layout, w, h);
        place(layout.main(), at.main());
        place(layout.strip(), at.strip());
        if (presenting.isVisible() && !at.main().isEmpty()) {
            GridGeometry.Box large = at.main().get(0);
            presenting.autosize();
            presenting.relocate(large.x() + 12, large.y() + 12);
        }
    }

    private void place(List<Slot> slots, List<GridGeometry.Box> boxes) {
        for (int i = 0; i < slots.size() && i < boxes.size(); i++) {
            ParticipantTile tile = tiles.get(slots.get(i));
            if (tile != null) {
                GridGeometry.Box b = boxes.get(i);
                tile.resizeRelocate(b.x(), b.y(), b.width(), b.height());
            }
        }
    }
}
