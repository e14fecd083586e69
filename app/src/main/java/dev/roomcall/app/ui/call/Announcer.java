package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;

/**
 * What a screen reader announces when the call changes (connected, reconnecting, the other person left, room
 * full...): JavaFX has no live regions, so this is a text node whose changes are pushed to the screen reader
 * ({@link AccessibleAttribute#TEXT} notifications, which Narrator and VoiceOver read). It stays in the scene
 * while the status card hides during a working call, invisible but not hidden from assistive technology.
 */
final class Announcer extends Label {

    Announcer(CallViewModel model) {
        getStyleClass().add("announcer");
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription(CallStatus.text("a11y.status"));
        setOpacity(0);
        setMouseTransparent(true);
        setFocusTraversable(false);
        setManaged(false);
        model.status().observe(this::announce);
    }

    /** Says {@code text} now, even if it was the last thing said (two people of the same name may arrive). */
    void say(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        setText(text);
        setAccessibleText(text);
        notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    private void announce(String text) {
        if (text == null || text.isEmpty() || text.equals(getText())) {
            return;
        }
        setText(text);
        setAccessibleText(text);
        notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }
}
