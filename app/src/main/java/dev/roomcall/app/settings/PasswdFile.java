package dev.roomcall.app.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a person's full name from the text of a Unix {@code /etc/passwd} (what {@code getent passwd $USER} shows
 * for local accounts). Each line is {@code login:password:uid:gid:gecos:home:shell}; the GECOS field's first
 * comma-separated part is the full name, where an {@code &} stands for the login with a capital first letter
 * (the old BSD convention). Comments, blank and malformed lines are skipped.
 */
public final class PasswdFile {

    private final String text;

    public PasswdFile(String text) {
        this.text = text == null ? "" : text;
    }

    /** {@code login}'s full name; empty when the login is not listed or its name is blank. */
    public Optional<String> fullName(String login) {
        if (login == null || login.isEmpty()) {
            return Optional.empty();
        }
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", -1);
            if (fields.length < 5 || !fields[0].equals(login)) {
                continue;
            }
            String name = fields[4].split(",", -1)[0].replace("&", capitalized(login)).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        }
        return Optional.empty();
    }

    private static String capitalized(String login) {
        return login.substring(0, 1).toUpperCase(Locale.ROOT) + login.substring(1);
    }
}
