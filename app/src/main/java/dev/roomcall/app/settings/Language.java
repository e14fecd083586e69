package dev.roomcall.app.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The language a person chose for the window; {@link #SYSTEM} follows the operating system. */
public enum Language {
    SYSTEM("system"),
    ENGLISH("en"),
    SIMPLIFIED_CHINESE("zh-CN");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** How it is written in the settings file. */
    public String tag() {
        return tag;
    }

    /** The locale to ask the bundles for; {@code system} is the operating system's locale. */
    public Locale locale(Locale system) {
        Objects.requireNonNull(system, "system");
        switch (this) {
            case ENGLISH:
                return Locale.ENGLISH;
            case SIMPLIFIED_CHINESE:
                return Locale.SIMPLIFIED_CHINESE;
            default:
                return system;
        }
    }

    public static Optional<Language> fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
