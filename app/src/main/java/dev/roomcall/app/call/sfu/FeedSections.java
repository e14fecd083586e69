package dev.roomcall.app.call.sfu;

import dev.roomcall.signaling.janus.VideoRoomEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose media each m-section of a subscription carries: the feeds subscribed to, by feed id with their publisher's
 * display, and which feed each audio and video m-section carries now, as Janus's stream lists say (an m-section
 * Janus made inactive carries nobody; Janus may give it to a later feed). Written on the Janus thread, read on the
 * call's executor.
 */
final class FeedSections {

    private final Map<Long, String> displayOfFeed = new ConcurrentHashMap<>();
    private final Map<String, Long> feedOfMid = new ConcurrentHashMap<>();

    /** Subscribes to {@code feed}, published under {@code display}; false if it is already subscribed to. */
    boolean add(long feed, String display) {
        return displayOfFeed.putIfAbsent(feed, display) == null;
    }

    /** The feed is gone; its display, or null if it was not subscribed to. */
    String remove(long feed) {
        return displayOfFeed.remove(feed);
    }

    /** Janus's list of the subscription's streams, after it made or changed the subscription. */
    void streams(List<VideoRoomEvent.Stream> streams) {
        for (VideoRoomEvent.Stream stream : streams) {
            if (!"video".equals(stream.type()) && !"audio".equals(stream.type())) {
                continue; // data: one m-section for every feed's messages, told apart by channel
            }
            if (stream.active()) {
                feedOfMid.put(stream.mid(), stream.feed());
            } else {
                feedOfMid.remove(stream.mid());
            }
        }
    }

    /** Every feed subscribed to, by display. */
    List<String> displays() {
        return List.copyOf(displayOfFeed.values());
    }

    /** The display of {@code feed}, or null if it is not subscribed to. */
    String displayOfFeed(long feed) {
        return displayOfFeed.get(feed);
    }

    /** The display of the feed the m-section {@code mid} carries, or null if none. */
    String displayOfMid(String mid) {
        Long feed = feedOfMid.get(mid);
        return feed == null ? null : displayOfFeed.get(feed);
    }

    /** The display of the feed each m-section carries now. */
    Map<String, String> byMid() {
        Map<String, String> displays = new HashMap<>();
        feedOfMid.forEach((mid, feed) -> {
            String display = displayOfFeed.get(feed);
            if (display != null) {
                displays.put(mid, display);
            }
        });
        return displays;
    }
}
