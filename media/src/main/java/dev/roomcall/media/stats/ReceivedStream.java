package dev.roomcall.media.stats;

import java.util.Objects;

/**
 * One RTP stream a session receives, by the m-section it arrives on: what a subscription to a media server needs to
 * tell whose each figure is (its m-sections carry different people's feeds). Counters are totals since the stream
 * began.
 *
 * @param mid             the m-section's mid ("" if the report does not say)
 * @param video           video rather than audio
 * @param bytes           payload bytes received
 * @param packetsReceived RTP packets received
 * @param packetsLost     RTP packets lost (never negative)
 * @param frames          frames decoded (0 for audio)
 * @param width           decoded frame width (0 for audio or before the first frame)
 * @param height          decoded frame height
 * @param fps             decoded frames per second
 * @param audioLevel      the received audio's level, 0..1 (0 for video, or where nothing plays it)
 * @param codec           the codec's MIME subtype, e.g. {@code VP8} or {@code opus} ("" if unknown)
 */
public record ReceivedStream(String mid, boolean video, long bytes, long packetsReceived, long packetsLost, long frames,
                             int width, int height, double fps, double audioLevel, String codec) {

    public ReceivedStream {
        mid = mid == null ? "" : mid;
        codec = codec == null ? "" : codec;
    }

    /** A video stream's figures. */
    public static ReceivedStream video(String mid, long bytes, long frames, int width, int height, double fps) {
        return new ReceivedStream(mid, true, bytes, 0, 0, frames, width, height, fps, 0, "");
    }

    /** An audio stream's figures. */
    public static ReceivedStream audio(String mid, long bytes, double audioLevel) {
        return new ReceivedStream(mid, false, bytes, 0, 0, 0, 0, 0, 0, audioLevel, "");
    }

    /** The same stream with its packet counts. */
    public ReceivedStream withPackets(long received, long lost) {
        return new ReceivedStream(mid, video, bytes, received, lost, frames, width, height, fps, audioLevel, codec);
    }

    /** The same stream with its codec. */
    public ReceivedStream withCodec(String name) {
        return new ReceivedStream(mid, video, bytes, packetsReceived, packetsLost, frames, width, height, fps,
                audioLevel, Objects.requireNonNullElse(name, ""));
    }
}
