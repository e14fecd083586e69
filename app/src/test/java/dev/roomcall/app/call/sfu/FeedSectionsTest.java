package dev.roomcall.app.call.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.janus.VideoRoomEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whose feed each m-section of a subscription carries, as Janus's stream lists say. */
class FeedSectionsTest {

    private static final String P3_SCREEN = "{\"member\":\"p3\",\"screen\":true}";

    private final FeedSections sections = new FeedSections();

    @Test
    void eachAudioAndVideoSectionIsTheFeedJanusSaysAndDataIsNobodys() {
        assertTrue(sections.add(11, "p2"));
        assertTrue(sections.add(12, P3_SCREEN));
        assertFalse(sections.add(11, "p2"), "already subscribed to");
        sections.streams(List.of(stream(0, "audio", 11, true), stream(1, "video", 11, true),
                stream(2, "video", 12, true), stream(3, "data", 0, true)));

        assertEquals(Map.of("0", "p2", "1", "p2", "2", P3_SCREEN), sections.byMid());
        assertEquals("p2", sections.displayOfMid("1"));
        assertEquals(P3_SCREEN, sections.displayOfFeed(12));
        assertNull(sections.displayOfMid("3"));
        assertEquals(2, sections.displays().size());
    }

    @Test
    void aFeedThatGoesTakesItsSectionsAndASectionJanusGivesToALaterFeedIsTheLatersOnly() {
        sections.add(11, "p2");
        sections.add(12, "p3");
        sections.streams(List.of(stream(0, "audio", 11, true), stream(1, "video", 11, true),
                stream(2, "video", 12, true)));

        assertEquals("p2", sections.remove(11));
        assertNull(sections.remove(11));
        assertEquals(Map.of("2", "p3"), sections.byMid(), "a section whose feed went carries nobody");

        // Janus's next list: p2's sections inactive, then one of them given to p5's camera.
        sections.streams(List.of(stream(0, "audio", 11, false), stream(1, "video", 11, false),
                stream(2, "video", 12, true)));
        sections.add(15, "p5");
        sections.streams(List.of(stream(0, "audio", 11, false), stream(1, "video", 15, true),
                stream(2, "video", 12, true)));
        assertEquals(Map.of("1", "p5", "2", "p3"), sections.byMid());
    }

    private static VideoRoomEvent.Stream stream(int mindex, String type, long feed, boolean active) {
        return new VideoRoomEvent.Stream(mindex, String.valueOf(mindex), type, feed, "", active);
    }
}
