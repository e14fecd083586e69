package dev.roomcall.media.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a video sender's bandwidth estimate starts: libwebrtc (Chromium's and ours) reads it from the
 * {@code x-google-start-bitrate} parameter of the send codec's fmtp line in the <em>remote</em> description, and
 * otherwise starts at 300 kbit/s, below which it drops the first frames of a 720p camera ("too large for target
 * bitrate", up to four) and scales the picture down until the estimate has grown. So the parameter goes into the
 * descriptions we send (the peer's encoder) and into those we receive before they are applied (ours). A peer that
 * does not know it ignores it, as it does any unknown fmtp parameter. A pure text edit.
 */
final class StartBitrate {

    /** Enough for a 720p camera's first frames (libwebrtc drops them below 500 kbit/s); the estimate adapts from there. */
    static final int KBPS = 1000;
    private static final String PARAMETER = "x-google-start-bitrate";
    private static final Set<String> VIDEO_CODECS = Set.of("VP8", "VP9", "H264", "AV1");
    private static final Pattern RTPMAP = Pattern.compile("^a=rtpmap:(\\d+) ([^/]+)/.*$");

    private StartBitrate() {}

    /** {@code sdp} with the start bit rate on every video codec's fmtp line (added where it has none). */
    static String added(String sdp) {
        if (sdp == null || sdp.isEmpty()) {
            return sdp;
        }
        String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(sdp.split("\r?\n", -1)));
        int section = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).startsWith("m=")) {
                i += addToSection(lines, section, i);
                section = i;
            }
        }
        return String.join(eol, lines);
    }

    /** Edits the lines {@code from} (inclusive) to {@code to} (exclusive), one m-section; returns how many it added. */
    private static int addToSection(List<String> lines, int from, int to) {
        List<String> payloads = new ArrayList<>();
        for (String line : lines.subList(from, to)) {
            Matcher rtpmap = RTPMAP.matcher(line);
            if (rtpmap.matches() && VIDEO_CODECS.contains(rtpmap.group(2).toUpperCase(Locale.ROOT))) {
                payloads.add(rtpmap.group(1));
            }
        }
        int added = 0;
        for (String payload : payloads) {
            String fmtp = "a=fmtp:" + payload + " ";
            int at = indexStartingWith(lines, from, to + added, fmtp);
            if (at >= 0) {
                if (!lines.get(at).contains(PARAMETER + "=")) {
                    lines.set(at, lines.get(at) + ";" + PARAMETER + "=" + KBPS);
                }
            } else {
                int rtpmap = indexStartingWith(lines, from, to + added, "a=rtpmap:" + payload + " ");
                lines.add(rtpmap + 1, fmtp + PARAMETER + "=" + KBPS);
                added++;
            }
        }
        return added;
    }

    private static int indexStartingWith(List<String> lines, int from, int to, String prefix) {
        for (int i = from; i < to; i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
