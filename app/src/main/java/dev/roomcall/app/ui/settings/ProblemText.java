package dev.roomcall.app.ui.settings;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.settings.SettingProblem;
import java.util.Locale;

/** A {@link SettingProblem} in words, for the settings and the home screen's server field alike. */
public final class ProblemText {

    private ProblemText() {}

    public static String of(SettingProblem problem) {
        return I18n.text(SettingsScreen.BUNDLE, "problem." + problem.name().toLowerCase(Locale.ROOT));
    }
}
