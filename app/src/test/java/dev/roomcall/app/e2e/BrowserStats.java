package dev.roomcall.app.e2e;

import java.util.Map;

/**
 * What a test page reports through {@code window.roomcall.stats()}: the call's RTP counters from
 * {@code RTCPeerConnection.getStats()} (inbound video and audio, outbound video) and its connection state.
 */
public record BrowserStats(
        long framesDecoded,
        long framesSent,
        long bytesReceived,
        long bytesSent,
        long audioBytesReceived,
        int width,
        int height,
        String connectionState) {

    /** What a page without a connection (or without the test hook, or not loaded yet) reports. */
    public static final BrowserStats NONE = new BrowserStats(0, 0, 0, 0, 0, 0, 0, "none");

    /** Reads the object the page's stats() resolved to, as Selenium hands it over (numbers as Long or Double). */
    static BrowserStats fromScript(Object result) {
        if (!(result instanceof Map<?, ?> map)) {
            return NONE;
        }
        if (map.containsKey("error")) {
            throw new IllegalStateException("the page's stats() failed: " + map.get("error"));
        }
        return new BrowserStats(
                number(map, "framesDecoded"),
                number(map, "framesSent"),
                number(map, "bytesReceived"),
                number(map, "bytesSent"),
                number(map, "audioBytesReceived"),
                (int) number(map, "width"),
                (int) number(map, "height"),
                String.valueOf(map.get("connectionState")));
    }

    private static long number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
