package dev.roomcall.media.local;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.roomcall.media.WebRtcNatives;
import dev.roomcall.media.render.FrameSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This side's view of each track added to {@link LocalMedia} (e.g. the shared screen in the self-view): a track of
 * its own on the added source, converted for display while watched. Guarded by the owning {@link LocalMedia}.
 */
final class AddedPreviews {

    private final Runnable onWatchedChange;
    /**
     * One preview per key for good: a viewer watching the key's picture keeps watching the next track under the key,
     * and sharing on and off makes no new pair of full-size frame buffers each time.
     */
    private final Map<String, LocalPreview> previews = new LinkedHashMap<>();

    /** @param onWatchedChange runs when a preview's watchers changed; the owner then calls {@link #followWatchers} */
    AddedPreviews(Runnable onWatchedChange) {
        this.onWatchedChange = onWatchedChange;
    }

    void add(PeerConnectionFactory factory, String key, String trackId, VideoTrackSource source) {
        VideoTrack track = factory.createVideoTrack(trackId, source);
        previews.computeIfAbsent(key, k -> new LocalPreview(k + " preview", onWatchedChange)).show(track);
    }

    /** The picture of the track under {@code key}; null while no track has this key. */
    FrameSource get(String key) {
        LocalPreview preview = previews.get(key);
        return preview == null || !preview.showing() ? null : preview.frames();
    }

    /** Detaches {@code key}'s preview; its track, returned, is disposed with the input's other tracks (or null). */
    VideoTrack remove(String key) {
        LocalPreview preview = previews.get(key);
        return preview == null ? null : preview.show(null);
    }

    /** Feeds each preview's sink while it is watched, and only then. */
    void followWatchers() {
        previews.values().forEach(LocalPreview::follow);
    }

    void disposeAll() {
        for (LocalPreview preview : previews.values()) {
            VideoTrack track = preview.show(null);
            if (track != null) {
                WebRtcNatives.dispose("added preview track", track::dispose);
            }
        }
    }
}
