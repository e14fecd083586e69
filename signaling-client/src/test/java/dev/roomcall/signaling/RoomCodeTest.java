package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoomCodeTest {

    @Test
    void generatesThirteenCrockfordCharacters() {
        for (int i = 0; i < 100; i++) {
            String code = RoomCode.generate();
            assertTrue(code.matches("[0-9a-hjkmnp-tv-z]{13}"), code);
        }
    }

    @Test
    void usesAllSixtyFiveBitsSoEveryPositionTakesEverySymbol() {
        // With fewer than 65 random bits some position (the first or last, depending on the bug) could only
        // take part of the alphabet; over 3000 codes a fair position misses a symbol with odds below 1e-40.
        List<Set<Character>> seen = new java.util.ArrayList<>();
        for (int p = 0; p < RoomCode.LENGTH; p++) {
            seen.add(new HashSet<>());
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String code = RoomCode.generate();
            codes.add(code);
            for (int p = 0; p < RoomCode.LENGTH; p++) {
                seen.get(p).add(code.charAt(p));
            }
        }
        assertEquals(3000, codes.size(), "codes repeat");
        for (int p = 0; p < RoomCode.LENGTH; p++) {
            assertEquals(32, seen.get(p).size(), "symbols seen at position " + p);
        }
    }

    @Test
    void aCodeCarriesAtLeastSixtyBitsOfEntropy() {
        double bits = RoomCode.LENGTH * (Math.log(RoomCode.ALPHABET.length()) / Math.log(2));
        assertEquals(32, RoomCode.ALPHABET.chars().distinct().count(), "32 distinct symbols, 5 bits each");
        assertTrue(bits >= 60, "bits per code: " + bits);
    }

    @Test
    void everyOneOfTheSixtyFiveBitsIsAFairCoin() {
        // A bit stuck at 0 or 1, or skewed (a biased generator, a modulo mistake), shows up here:
        // 20 000 codes put a fair bit within 0.5 +- 0.025 (7 standard deviations) with certainty for practical purposes.
        int codes = 20_000;
        int[] ones = new int[RoomCode.LENGTH * 5];
        for (int i = 0; i < codes; i++) {
            String code = RoomCode.generate();
            for (int p = 0; p < RoomCode.LENGTH; p++) {
                int digit = RoomCode.ALPHABET.indexOf(code.charAt(p));
                for (int b = 0; b < 5; b++) {
                    ones[p * 5 + b] += (digit >> (4 - b)) & 1;
                }
            }
        }
        for (int bit = 0; bit < ones.length; bit++) {
            double share = ones[bit] / (double) codes;
            assertTrue(Math.abs(share - 0.5) < 0.025, "bit " + bit + " is 1 in " + share + " of codes");
        }
    }

    @Test
    void theRandomnessComesFromSecureRandom() throws Exception {
        // Codes are the only key to a room: a predictable generator (java.util.Random, Math.random) would let
        // anyone who saw one code compute the next.
        boolean secure = false;
        for (java.lang.reflect.Field field : RoomCode.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && java.util.Random.class.isAssignableFrom(field.getType())) {
                assertEquals(java.security.SecureRandom.class, field.getType(), "random source " + field.getName());
                secure = true;
            }
        }
        assertTrue(secure, "RoomCode holds a SecureRandom");
    }

    @Test
    void newRoomNamesAreGroupedCodesThatServersAccept() {
        String room = RoomCode.newRoomName();
        assertTrue(room.matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{5}"), room);
        assertTrue(RoomCode.isValid(room));
        assertEquals(room, RoomCode.normalize(room));
    }

    @ParameterizedTest
    @CsvSource({
        "abcdefghjkmnp, abcd-efgh-jkmnp",
        "ABCDEFGHJKMNP, abcd-efgh-jkmnp",
        "abcd-efgh-jkmnp, abcd-efgh-jkmnp",
        "'abcd efgh jkmnp', abcd-efgh-jkmnp",
        "0123-4567-89vwx, 0123-4567-89vwx",
    })
    void formatsCodesInGroupsOfFourFourFive(String code, String grouped) {
        assertEquals(grouped, RoomCode.format(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghjkmn", "abcdefghjkmnpq", "abcdefghjkmnu", "abcdefghjkmni", "abcdefghjkmnl", "abcdefghjkmno", "a1b2c3"})
    void refusesToFormatWhatIsNotACode(String notACode) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoomCode.format(notACode));
        assertTrue(e.getMessage().contains("13-character room code"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a1b2c3", "default", "abcd-efgh-jkmnp", "my_room", "ROOM", "-", "_",
        "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsServerRoomNames(String name) {
        assertTrue(RoomCode.isValid(name), name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"my room", "room.name", "r\u00e4um", "room/1", "#room", "01234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsWhatServersRefuse(String name) {
        assertFalse(RoomCode.isValid(name), name);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "abcd-efgh-jkmnp, abcd-efgh-jkmnp",
        "ABCD-EFGH-JKMNP, abcd-efgh-jkmnp",
        "'abcd efgh jkmnp', abcd-efgh-jkmnp",
        "'  abcdefghjkmnp ', abcd-efgh-jkmnp",
        "abcde-fghjk-mnp, abcd-efgh-jkmnp",
        "http://192.0.2.1:8080/#abcd-efgh-jkmnp, abcd-efgh-jkmnp",
        "http://192.0.2.1:8080/#ABCD%20EFGH%20JKMNP, abcd-efgh-jkmnp",
        "https://call.example/?room=abcd-efgh-jkmnp, abcd-efgh-jkmnp",
        "http://host:8080/index.html?room=a1b2c3, a1b2c3",
        "http://host/?lang=en&room=A1B2C3, a1b2c3",
        "ws://host:8080/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp, abcd-efgh-jkmnp",
        "ws://host:8080/a1b2c3, a1b2c3",
        "http://host/#room=a1b2c3, a1b2c3",
        "http://host/#/a1b2c3, a1b2c3",
        "host:8080/#a1b2c3, a1b2c3",
        "#a1b2c3, a1b2c3",
        "?room=a1b2c3, a1b2c3",
        "A1B2C3, a1b2c3",
        "my_room-1, my_room-1",
        "default, default",
    })
    void findsTheRoomInWhateverWasPasted(String input, String room) {
        assertEquals(room, RoomCode.normalize(input));
    }

    @Test
    void keepsLookAlikeLettersInNamesThatAreNotCodes() {
        // "helloworldxyz" is 13 letters but has l and o: it is a name, not a misread code.
        assertEquals("helloworldxyz", RoomCode.normalize("HelloWorldXyz"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|Enter a room code or a link",
        "'   '|Enter a room code or a link",
        "my room|'my room' is not a room name",
        "room.name|'room.name' is not a room name",
        "http://host:8080/|names no room",
        "http://host:8080/index.html|names no room",
        "http://host/#bad%20room!|The room 'bad room!' in 'http://host/#bad%20room!' is not a room name",
        "http://my host/#x|not a valid link",
        "01234567890123456789012345678901234567890123456789012345678901234|is not a room name",
    })
    void explainsWhatIsWrong(String input, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoomCode.normalize(input));
        assertTrue(e.getMessage().contains(message), () -> "'" + e.getMessage() + "' should contain '" + message + "'");
    }

    @Test
    void explainsANullInput() {
        assertThrows(IllegalArgumentException.class, () -> RoomCode.normalize(null));
    }
}
