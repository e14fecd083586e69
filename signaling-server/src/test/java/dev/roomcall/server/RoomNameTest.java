package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomNameTest {

    @Test
    void thePathNamesTheRoomEvenWhenTheQueryNamesAnother() {
        assertEquals("from-path", RoomName.fromRequest("/from-path", "from-query").value());
    }

    @Test
    void theQueryNamesTheRoomWhenThePathIsBare() {
        assertEquals("from-query", RoomName.fromRequest("/", "from-query").value());
    }

    @Test
    void noRoomAnywhereMeansTheDefaultRoom() {
        assertEquals("default", RoomName.fromRequest("/", null).value());
        assertEquals("default", RoomName.fromRequest("/", "").value());
        assertEquals("default", RoomName.fromRequest("", null).value());
    }

    @Test
    void namesAreComparedLowerCased() {
        assertEquals(new RoomName("abcd-efgh-jkmnp"), new RoomName("ABCD-efgh-JKMNP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0123456789abc", "abcd-efgh-jkmnp", "c0ffee", "under_score", "Upper-Case"})
    void roomcallCodesDemoNamesAndOtherSafeNamesAreAccepted(String name) {
        assertEquals(name.toLowerCase(Locale.ROOT), new RoomName(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "dot.ted", "sp ace", "ümlaut", "semi;colon", "%41"})
    void namesOutsideTheSafeAlphabetAreRejectedWithTheRule(String name) {
        RoomName.InvalidRoomException e = assertThrows(RoomName.InvalidRoomException.class, () -> new RoomName(name));
        assertEquals(RoomName.RULE, e.getMessage());
    }

    @Test
    void namesAreAtMost64Characters() {
        assertEquals(64, new RoomName("x".repeat(64)).value().length());
        assertThrows(RoomName.InvalidRoomException.class, () -> new RoomName("x".repeat(65)));
    }

    @Test
    void aPathWithMoreThanOneSegmentIsNotARoom() {
        assertThrows(RoomName.InvalidRoomException.class, () -> RoomName.fromRequest("/room/extra", null));
    }

    @Test
    void logsShowOnlyAPrefixOfTheSecretName() {
        RoomName room = new RoomName("abcd-efgh-jkmnp");
        assertEquals("abcd…", room.logLabel());
        assertFalse(room.toString().contains("efgh"));
    }

    @Test
    void theRuleFitsInAWebSocketCloseReason() {
        // RFC 6455: the close reason is at most 123 bytes of UTF-8.
        assertFalse(RoomName.RULE.getBytes(StandardCharsets.UTF_8).length > 123);
    }
}
