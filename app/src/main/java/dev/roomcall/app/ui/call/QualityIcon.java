package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.NetworkQuality;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** Three signal bars: all green for a good connection, two amber for fair, one red for poor, grey unknown. */
final class QualityIcon extends HBox {

    private static final PseudoClass[] STATES = {
            PseudoClass.getPseudoClass("unknown"), PseudoClass.getPseudoClass("good"),
            PseudoClass.getPseudoClass("fair"), PseudoClass.getPseudoClass("poor")};
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");

    private final Region[] bars = new Region[3];
    private final Tooltip tooltip = new Tooltip();

    QualityIcon() {
        super(2);
        getStyleClass().add("quality-icon");
        setAlignment(Pos.BOTTOM_LEFT);
        for (int i = 0; i < bars.length; i++) {
            Region bar = new Region();
            bar.getStyleClass().add("quality-bar");
            bar.setPrefSize(4, 6 + 5 * i);
            bar.setMaxHeight(USE_PREF_SIZE);
            bars[i] = bar;
            getChildren().add(bar);
        }
        Tooltip.install(this, tooltip);
        show(NetworkQuality.UNKNOWN);
    }

    void show(NetworkQuality now) {
        for (PseudoClass state : STATES) {
            pseudoClassStateChanged(state, state == STATES[now.ordinal()]);
        }
        int lit = switch3(now);
        for (int i = 0; i < bars.length; i++) {
            bars[i].pseudoClassStateChanged(LIT, i < lit);
        }
        tooltip.setText(CallStatus.text("quality." + now.name()));
    }

    private static int switch3(NetworkQuality q) {
        switch (q) {
            case GOOD:
                return 3;
            case FAIR:
                return 2;
            case POOR:
                return 1;
            case UNKNOWN:
            default:
                return 0;
        }
    }
}
