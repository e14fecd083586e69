package dev.roomcall.app.ui.home;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Tooltips given once the window's first frame is drawn: each is a popup window of its own with its own styles,
 * which nobody can see before the pointer has rested on a control, so the first frame need not wait for them.
 */
final class LateTooltips {

    private final Map<Control, String> pending = new LinkedHashMap<>();
    private boolean installed;

    /** {@code control} gets a tooltip saying {@code text}: at {@link #install()}, or at once after it. */
    void add(Control control, String text) {
        if (installed) {
            control.setTooltip(new Tooltip(text));
        } else {
            pending.put(control, text);
        }
    }

    /** Gives every control added so far its tooltip, and those added later theirs at once. */
    void install() {
        installed = true;
        pending.forEach((control, text) -> control.setTooltip(new Tooltip(text)));
        pending.clear();
    }
}
