package dev.roomcall.app.settings;

import dev.roomcall.media.screen.ShareSettings;
import java.util.Optional;

/**
 * The largest picture a shared screen is sent at: a screen or window within it goes at its own size, a larger one
 * is scaled down keeping its shape. Larger caps get a larger bit rate so text stays sharp.
 */
public enum ShareSize {
    HD(1280, 720, 1_500_000),
    FULL_HD(1920, 1080, 2_500_000),
    QHD(2560, 1440, 4_000_000);

    public static final ShareSize DEFAULT = FULL_HD;

    private final int width;
    private final int height;
    private final int bitrate;

    ShareSize(int width, int height, int bitrate) {
        this.width = width;
        this.height = height;
        this.bitrate = bitrate;
    }

    /** How it is written in the settings file, e.g. {@code "1920x1080"}. */
    public String text() {
        return width + "x" + height;
    }

    /** How shares are captured and sent under this cap, at the default frame rate. */
    public ShareSettings shareSettings() {
        return new ShareSettings(width, height, ShareSettings.DEFAULT.fps(), bitrate);
    }

    public static Optional<ShareSize> fromText(String text) {
        for (ShareSize size : values()) {
            if (size.text().equals(text)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }
}
