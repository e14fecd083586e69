package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.media.stats.DtlsVerification;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * "Verify: 123 456": the code both people can compare aloud, with both DTLS certificate fingerprints in its
 * tooltip. Hidden while there is no peer session with both descriptions set.
 */
final class VerificationBadge extends Label {

    private final Tooltip details = new Tooltip();

    VerificationBadge(CallViewModel model) {
        getStyleClass().add("call-verification");
        details.setWrapText(true);
        details.setMaxWidth(520);
        details.setShowDuration(Duration.seconds(30));
        setTooltip(details);
        model.verification().observe(this::show);
    }

    private void show(DtlsVerification verification) {
        boolean present = verification != null;
        setVisible(present);
        setManaged(present);
        if (present) {
            setText(CallStatus.text("verify.label", verification.code().grouped()));
            details.setText(CallStatus.text("verify.tooltip", verification.local().normalized(),
                    verification.remote().normalized()));
        } else {
            setText("");
            details.setText("");
        }
    }

    /** The fingerprints and explanation, for tests. */
    String details() {
        return details.getText();
    }
}
