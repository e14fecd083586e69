package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.roomcall.media.render.ConvertingFrameSink;
import dev.roomcall.media.render.FrameSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The videos of a subscription to a media server, one picture per m-section: each carries one person's camera or
 * screen, which the SFU says (by mid). Tracks come and go on libwebrtc's signalling thread and {@link #detach} runs
 * on the executor, all under {@link RemoteVideos}'s lock; the frame listeners run on libwebrtc's decoder thread and
 * {@link #byMid} on a window's.
 */
final class FeedVideos {

    private record Feed(VideoTrack track, ConvertingFrameSink sink, AtomicBoolean shown) {}

    private final String id;
    private final SessionRunner runner;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

    FeedVideos(String id, SessionRunner runner) {
        this.id = id;
        this.runner = runner;
    }

    /** Shows the video on {@code mid}, replacing what it showed before (an m-section reused for someone else). */
    void onTrack(String mid, VideoTrack video) {
        Feed old = feeds.get(mid);
        if (old != null && old.track() == video) {
            return;
        }
        ConvertingFrameSink sink = old != null ? old.sink() : new ConvertingFrameSink("session " + id + " feed " + mid);
        if (old != null) {
            old.track().removeSink(sink);
        }
        AtomicBoolean shown = new AtomicBoolean();
        Feed feed = new Feed(video, sink, shown);
        if (old == null) {
            sink.addFrameListener(() -> announce(mid));
        }
        feeds.put(mid, feed);
        video.addSink(sink);
    }

    private void announce(String mid) {
        Feed feed = feeds.get(mid);
        if (feed != null && feed.shown().compareAndSet(false, true)) {
            int width = feed.sink().lastWidth();
            int height = feed.sink().lastHeight();
            runner.report(l -> l.onRemoteVideo(mid, width, height));
        }
    }

    /** The SFU stopped sending on an m-section: its picture stays (last frame) until it carries something again. */
    void onRemoveTrack(RTCRtpReceiver receiver) {
        if (receiver.getTrack() == null) {
            return;
        }
        String removed = receiver.getTrack().getId();
        feeds.forEach((mid, feed) -> {
            if (feed.track().getId().equals(removed)) {
                feed.track().removeSink(feed.sink());
                feeds.put(mid, new Feed(feed.track(), feed.sink(), new AtomicBoolean()));
            }
        });
    }

    FrameSource byMid(String mid) {
        Feed feed = feeds.get(mid);
        return feed == null ? null : feed.sink();
    }

    void detach() {
        feeds.values().forEach(feed -> feed.track().removeSink(feed.sink()));
    }
}
