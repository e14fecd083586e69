package dev.roomcall.app.settings;

import java.util.Objects;

/**
 * Which devices to use, by the platform's stable descriptor ({@code dev.roomcall.media.local.DeviceInfo#id}); an empty
 * string means "whatever the system offers first". A preferred device that is not plugged in is kept, not
 * forgotten: it is used again when it comes back.
 */
public record DevicePreferences(String camera, String microphone, String speaker) {

    public static final String SYSTEM_DEFAULT = "";

    public DevicePreferences {
        camera = Objects.requireNonNullElse(camera, SYSTEM_DEFAULT).strip();
        microphone = Objects.requireNonNullElse(microphone, SYSTEM_DEFAULT).strip();
        speaker = Objects.requireNonNullElse(speaker, SYSTEM_DEFAULT).strip();
    }

    public static DevicePreferences systemDefaults() {
        return new DevicePreferences(SYSTEM_DEFAULT, SYSTEM_DEFAULT, SYSTEM_DEFAULT);
    }
}
