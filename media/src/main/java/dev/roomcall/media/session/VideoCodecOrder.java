package dev.roomcall.media.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A codec list with one codec's entries moved to the front, everything else in its order: a preference, never a
 * restriction, so a peer without that codec still finds every other one in the description and the call goes on
 * with the next both sides have.
 */
final class VideoCodecOrder {

    private VideoCodecOrder() {}

    /**
     * @param codecs    the codecs in libwebrtc's order (several entries per codec: profiles, packetization modes)
     * @param name      a codec entry's name, e.g. {@code H264}, {@code VP8}, {@code rtx}
     * @param preferred the codec to put first, by name, any case
     */
    static <T> List<T> preferring(List<T> codecs, Function<T, String> name, String preferred) {
        String wanted = preferred.toUpperCase(Locale.ROOT);
        List<T> first = new ArrayList<>();
        List<T> rest = new ArrayList<>();
        for (T codec : codecs) {
            (wanted.equals(name.apply(codec).toUpperCase(Locale.ROOT)) ? first : rest).add(codec);
        }
        first.addAll(rest);
        return List.copyOf(first);
    }
}
