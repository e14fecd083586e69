package dev.roomcall.signaling;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Room codes and room names.
 *
 * <p>A room code is 13 characters of lowercase Crockford base32 (65 random bits), read aloud in groups as
 * {@code xxxx-xxxx-xxxxx}. That grouped, lower-cased form is the room's canonical name: it is what the page
 * puts in its link and what the server sees, so every way a person might type a code ends up there.
 * Other room names (the demos' six hex digits, names people make up) are kept as they are, lower-cased,
 * because servers compare room names lower-cased anyway.
 */
public final class RoomCode {

    /** Crockford's base32 digits: no i, l, o or u, so a code read aloud or handwritten cannot be misread. */
    public static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    /** Characters in a code: 13 × 5 bits = 65 bits, out of reach of guessing. */
    public static final int LENGTH = 13;
    /** Longest room name a server accepts. */
    public static final int MAX_NAME_LENGTH = 64;

    private static final int BITS = LENGTH * 5;
    private static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_NAME_LENGTH + "}");
    /** What people put between the groups of a code they type. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomCode() {}

    /** A fresh random code, 13 characters, ungrouped. {@link #format} makes it a room name. */
    public static String generate() {
        byte[] bytes = new byte[(BITS + 7) / 8];
        RANDOM.nextBytes(bytes);
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int digit = 0;
            for (int bit = i * 5; bit < i * 5 + 5; bit++) {
                digit = (digit << 1) | ((bytes[bit >> 3] >> (7 - (bit & 7))) & 1);
            }
            code[i] = ALPHABET.charAt(digit);
        }
        return new String(code);
    }

    /** A fresh room name: {@code format(generate())}. */
    public static String newRoomName() {
        return format(generate());
    }

    /**
     * Groups a code for reading aloud and for use as a room name: {@code "abcdefghjkmnp"} → {@code "abcd-efgh-jkmnp"}.
     * Accepts any case and any existing grouping by spaces or hyphens.
     *
     * @throws IllegalArgumentException if {@code code} is not 13 base32 characters
     */
    public static String format(String code) {
        String compact = compact(code);
        if (compact == null) {
            throw new IllegalArgumentException("'" + shorten(code) + "' is not a " + LENGTH + "-character room code");
        }
        return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
    }

    /** Whether {@code s} reads as a room code: 13 base32 characters, in any case, grouped by spaces or hyphens or not. */
    public static boolean isCode(String s) {
        return compact(s) != null;
    }

    /** Whether a server accepts {@code name} as a room name: 1 to 64 of {@code A-Z a-z 0-9 _ -}. */
    public static boolean isValid(String name) {
        return name != null && ROOM_NAME.matcher(name).matches();
    }

    /**
     * Turns whatever a person pasted or typed into the room name to join.
     * <ul>
     *   <li>A link: the room comes from its fragment ({@code http://host:port/#ROOM}, also {@code #room=ROOM}),
     *       else its {@code room} query parameter ({@code ...?room=ROOM}), else its last path segment
     *       ({@code ws://host:port/ROOM}). A link without a scheme ({@code host:8080/#ROOM}) works too.</li>
     *   <li>A room code in any case, grouped by hyphens, spaces or not at all: its canonical grouped form.</li>
     *   <li>Any other valid room name: lower-cased.</li>
     * </ul>
     * Look-alike letters (i, l, o) are not mapped to digits: that would silently change room names that are not codes.
     *
     * @throws IllegalArgumentException with a message fit to show the person, if no room name can be found
     */
    public static String normalize(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("Enter a room code or a link to a room.");
        }
        String text = input.strip();
        String room = looksLikeLink(text) ? roomFromLink(text) : text;
        return canonicalName(room, text);
    }

    private static boolean looksLikeLink(String text) {
        return text.contains("://") || text.contains("/") || text.contains("#") || text.contains("?");
    }

    private static String roomFromLink(String link) {
        String absolute = link.contains("://") || link.startsWith("#") || link.startsWith("?") ? link : "http://" + link;
        URI uri;
        try {
            uri = new URI(absolute);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + shorten(link) + "' is not a valid link: " + e.getReason() + ".");
        }
        String fragment = uri.getRawFragment();
        if (fragment != null) {
            String room = fragment.startsWith("/") ? fragment.substring(1) : fragment;
            room = room.contains("=") ? parameter(room, Protocol.ROOM_PARAM) : decode(room);
            if (room != null && !room.isEmpty()) {
                return room;
            }
        }
        String fromQuery = uri.getRawQuery() == null ? null : parameter(uri.getRawQuery(), Protocol.ROOM_PARAM);
        if (fromQuery != null && !fromQuery.isEmpty()) {
            return fromQuery;
        }
        String path = uri.getRawPath();
        if (path != null) {
            String last = decode(path.substring(path.lastIndexOf('/') + 1));
            if (isValid(last) || isCode(last)) {
                return last;
            }
        }
        throw new IllegalArgumentException("The link '" + shorten(link) + "' names no room: expected a link like "
                + "http://host:port/#ROOM or http://host:port/?room=ROOM.");
    }

    /** The value of {@code name} in an {@code a=b&c=d} string, decoded; null if absent. */
    private static String parameter(String raw, String name) {
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.equals(key)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%' is not an escape: leave it for the name check to reject
        }
    }

    private static String canonicalName(String room, String input) {
        String name = room.strip();
        if (isCode(name)) {
            return format(name);
        }
        if (!isValid(name)) {
            String what = name.equals(input) ? "'" + shorten(name) + "'" : "The room '" + shorten(name) + "' in '" + shorten(input) + "'";
            throw new IllegalArgumentException(what + " is not a room name: use a " + LENGTH + "-character room code, "
                    + "or 1 to " + MAX_NAME_LENGTH + " letters, digits, '-' or '_'.");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The 13 code characters of {@code s} without separators, lower-cased; null if {@code s} is not a code. */
    private static String compact(String s) {
        if (s == null || s.length() > 4 * LENGTH) {
            return null;
        }
        String compact = SEPARATORS.matcher(s.strip()).replaceAll("").toLowerCase(Locale.ROOT);
        if (compact.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return null;
            }
        }
        return compact;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
