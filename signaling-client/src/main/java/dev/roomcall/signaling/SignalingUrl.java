package dev.roomcall.signaling;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Builds the WebSocket address of a room: {@code ws://host:port/ROOM?room=ROOM}. The room travels in both
 * the path and the query because servers differ in which they read (and a room-less relay ignores both).
 */
public final class SignalingUrl {

    private SignalingUrl() {}

    /**
     * The WebSocket URI for {@code room} on {@code server}.
     *
     * <p>{@code server} may be {@code ws://} or {@code wss://}, or the page's own {@code http://} / {@code https://}
     * address (mapped to {@code ws://} / {@code wss://}); without a scheme {@code ws://} is assumed. A path prefix is
     * kept ({@code ws://host/signal} → {@code ws://host/signal/ROOM}) except a last segment that names a file
     * ({@code /index.html}); other query parameters are kept, an existing {@code room} parameter is replaced, and a
     * fragment (the page's {@code #ROOM}) is dropped.
     *
     * @param room a valid room name ({@link RoomCode#isValid}), normally from {@link RoomCode#normalize}
     * @throws IllegalArgumentException if the server address or the room is unusable, saying which
     */
    public static URI of(String server, String room) {
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("no server address given");
        }
        String text = server.strip();
        try {
            return of(new URI(text.contains("://") ? text : "ws://" + text), room);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid server address: " + e.getReason());
        }
    }

    /**
     * The room's address for a client that holds one call at a time ({@code peers=1}): a Roomcall server then keeps
     * the room at two, and says so to a third person, instead of letting in someone this client cannot talk to.
     */
    public static URI forOnePeer(URI server, String room) {
        URI url = of(server, room);
        return URI.create(url + "&" + Protocol.PEERS_PARAM + "=" + Protocol.ONE_PEER);
    }

    /** Same as {@link #of(String, String)} for an already parsed address. */
    public static URI of(URI server, String room) {
        if (!RoomCode.isValid(room)) {
            throw new IllegalArgumentException("'" + room + "' is not a valid room name");
        }
        String scheme = webSocketScheme(server);
        if (server.getHost() == null) {
            throw new IllegalArgumentException("the server address '" + server + "' has no host");
        }
        String path = directory(server.getRawPath()) + room;
        StringJoiner query = new StringJoiner("&");
        if (server.getRawQuery() != null) {
            for (String pair : server.getRawQuery().split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !key.equals(Protocol.ROOM_PARAM)) {
                    query.add(pair);
                }
            }
        }
        query.add(Protocol.ROOM_PARAM + "=" + room);
        return URI.create(scheme + "://" + server.getRawAuthority() + path + "?" + query);
    }

    private static String webSocketScheme(URI server) {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "ws":
            case "http":
                return "ws";
            case "wss":
            case "https":
                return "wss";
            default:
                throw new IllegalArgumentException("the server address '" + server + "' must start with ws://, wss://, "
                        + "http:// or https://");
        }
    }

    /** The path up to and including its last '/', dropping a trailing file name such as {@code index.html}. */
    private static String directory(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        int slash = rawPath.lastIndexOf('/');
        String last = rawPath.substring(slash + 1);
        String dir = last.contains(".") ? rawPath.substring(0, slash + 1) : rawPath;
        return dir.endsWith("/") ? dir : dir + "/";
    }
}
