package dev.roomcall.app.settings;

import java.util.Optional;

/** The camera sizes a person may ask for; the camera's closest mode is used. */
public enum Resolution {
    VGA(640, 480),
    HD(1280, 720);

    private final int width;
    private final int height;

    Resolution(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** How it is written in the settings file, e.g. {@code "1280x720"}. */
    public String text() {
        return width + "x" + height;
    }

    public static Optional<Resolution> fromText(String text) {
        for (Resolution r : values()) {
            if (r.text().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
