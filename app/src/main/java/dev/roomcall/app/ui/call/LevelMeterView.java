package dev.roomcall.app.ui.call;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A small five-segment level meter: segments light up from the left as the microphone gets louder, so a person
 * sees at a glance that they are being heard. Dims while muted.
 */
final class LevelMeterView extends HBox {

    static final int SEGMENTS = 5;

    private final Region[] segments = new Region[SEGMENTS];
    private int lit = -1;

    LevelMeterView() {
        super(2);
        getStyleClass().add("level-meter");
        for (int i = 0; i < SEGMENTS; i++) {
            Region segment = new Region();
            segment.getStyleClass().add("level-segment");
            segment.setPrefSize(4, 6 + i * 2);
            segment.setMaxHeight(USE_PREF_SIZE);
            segments[i] = segment;
            getChildren().add(segment);
        }
        setAlignment(javafx.geometry.Pos.BOTTOM_CENTER);
        setMouseTransparent(true);
        show(0);
    }

    /** @param fill 0..1 as {@link dev.roomcall.app.presentation.LevelMeter} shows it */
    void show(double fill) {
        int now = (int) Math.round(fill * SEGMENTS);
        if (now == lit) {
            return;
        }
        lit = now;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i].pseudoClassStateChanged(LIT, i < now);
        }
    }

    private static final javafx.css.PseudoClass LIT = javafx.css.PseudoClass.getPseudoClass("lit");
}
