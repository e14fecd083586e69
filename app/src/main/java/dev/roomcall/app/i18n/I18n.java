package dev.roomcall.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string a person sees comes from here. Each feature keeps its own bundle beside its code
 * (e.g. {@code dev/roomcall/app/ui/call/call.properties} and {@code call_zh_CN.properties}), so
 * features can change without touching one shared file. Toolkit-free on purpose: the call model's
 * status words are translated too.
 */
public final class I18n {

    /** The languages the app ships; anything else falls back to English. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private static volatile Locale locale = pick(Locale.getDefault());

    private I18n() {}

    /** The shipped language closest to {@code wanted}: Chinese for any zh locale, else English. */
    public static Locale pick(Locale wanted) {
        return "zh".equals(wanted.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public static Locale locale() {
        return locale;
    }

    /** Views built after this call use the new language. */
    public static void setLocale(Locale wanted) {
        locale = pick(wanted);
    }

    /**
     * @param bundle base name, e.g. {@code "dev.roomcall.app.ui.call.call"}
     * @param args   {@link MessageFormat} arguments
     */
    public static String text(String bundle, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, locale, NO_FALLBACK_TO_SYSTEM).getString(key);
        } catch (MissingResourceException e) {
            // A missing key must show up in tests and screenshots, not crash a call.
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The texts of one bundle, so a view names its bundle once: {@code texts.text("join.button")}. */
    public static Bundle bundle(String baseName) {
        return new Bundle(baseName);
    }

    /** A feature's bundle; each call looks the text up in the language chosen at that moment. */
    public record Bundle(String baseName) {
        public String text(String key, Object... args) {
            return I18n.text(baseName, key, args);
        }
    }

    /** Without this, an English UI on a zh_CN machine would pick the Chinese bundle as "default". */
    private static final ResourceBundle.Control NO_FALLBACK_TO_SYSTEM =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
