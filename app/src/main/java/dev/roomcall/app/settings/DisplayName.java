package dev.roomcall.app.settings;

import dev.roomcall.signaling.DisplayText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The name others see on this person's tile: the one chosen in the settings, else the full name of the
 * computer's account (from {@code /etc/passwd}), else the login. Always bounded as a display name
 * ({@link DisplayText.Kind#NAME}: one line, at most 64 characters), since it is shown to others as text.
 */
public final class DisplayName {

    private static final Path PASSWD = Path.of("/etc/passwd");

    private DisplayName() {}

    /** The name to send: {@code settings}' choice, or this computer's account name when there is none. */
    public static String of(Settings settings) {
        return settings.displayName().isEmpty() ? ofAccount() : settings.displayName();
    }

    /** This computer's account: its full name where the system keeps one, else the login. */
    public static String ofAccount() {
        String passwd;
        try {
            passwd = Files.isReadable(PASSWD) ? Files.readString(PASSWD, StandardCharsets.UTF_8) : "";
        } catch (IOException | RuntimeException e) {
            passwd = "";
        }
        return ofAccount(new PasswdFile(passwd), System.getProperty("user.name", ""));
    }

    /** The account name from {@code passwd}'s entry for {@code login}, else the login itself. */
    static String ofAccount(PasswdFile passwd, String login) {
        return bounded(passwd.fullName(login).orElse(login == null ? "" : login));
    }

    /** {@code raw} fit to show as a name; blank when nothing is left. */
    public static String bounded(String raw) {
        return DisplayText.bound(raw, DisplayText.Kind.NAME).text();
    }
}
