package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TurnCredentialsTest {

    private static final String SECRET = "north-wind-0123456789abcdef";
    private static final List<String> URLS = List.of("turn:turn.example.org:3478?transport=udp",
            "turns:turn.example.org:5349?transport=tcp");

    /**
     * Computed independently when this test was written:
     * {@code printf %s 1700000000:roomcall-test | openssl dgst -sha1 -hmac north-wind-0123456789abcdef -binary | base64}.
     */
    private static final String OPENSSL_CREDENTIAL = "3PXvxbpIUjC0Ml+YiJLuWu53PYI=";

    private final TurnCredentials turn = new TurnCredentials(URLS, SECRET, Duration.ofHours(12));

    @Test
    void theCredentialIsBase64OfHmacSha1OfTheUsernameKeyedWithTheSecret() {
        assertEquals(OPENSSL_CREDENTIAL, TurnCredentials.credential(SECRET, "1700000000:roomcall-test"));
    }

    @Test
    void anIssuedUsernameIsItsExpiryInUnixSecondsAndARandomId() {
        Instant now = Instant.parse("2026-01-02T03:04:05.678Z");

        IceServer issued = turn.issue(now);

        String[] parts = issued.username().split(":");
        assertEquals(2, parts.length, issued.username());
        assertEquals(now.plus(Duration.ofHours(12)).getEpochSecond(), Long.parseLong(parts[0]));
        assertTrue(parts[1].matches("[0-9a-f]{16}"), parts[1]);
        assertEquals(TurnCredentials.credential(SECRET, issued.username()), issued.credential());
        assertEquals(URLS, issued.urls());
    }

    @Test
    void everyJoinGetsItsOwnUsername() {
        Instant now = Instant.now();
        assertNotEquals(turn.issue(now).username(), turn.issue(now).username());
    }

    @Test
    void theLifetimeDecidesTheExpiry() {
        TurnCredentials shortLived = new TurnCredentials(URLS, SECRET, Duration.ofMinutes(5));
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        assertTrue(shortLived.issue(now).username().startsWith("1800000300:"));
        long expiry = Long.parseLong(turn.issue().username().split(":")[0]);
        long twelveHoursFromNow = Instant.now().plus(Duration.ofHours(12)).getEpochSecond();
        assertTrue(Math.abs(expiry - twelveHoursFromNow) <= 5, "issue() counts from the current time: " + expiry);
    }

    @Test
    void theSecretNeverShowsInItsTextForm() {
        assertFalse(turn.toString().contains(SECRET), turn.toString());
        assertTrue(turn.toString().contains("turn.example.org"), turn.toString());
    }

    @Test
    void refusesWhatCoturnCouldNotCheckOrAnAttackerCouldGuess() {
        assertRefused(List.of("stun:stun.example.org"), SECRET, TurnCredentials.DEFAULT_TTL, "turn: or turns:");
        assertRefused(List.of(), SECRET, TurnCredentials.DEFAULT_TTL, "at least one");
        assertRefused(URLS, "short-secret", TurnCredentials.DEFAULT_TTL, "at least 16 characters");
        assertRefused(URLS, "with a space in it 0123456789", TurnCredentials.DEFAULT_TTL, "spaces");
        assertRefused(URLS, SECRET, Duration.ofSeconds(30), "at least 1 minute");
    }

    private static void assertRefused(List<String> urls, String secret, Duration ttl, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TurnCredentials(urls, secret, ttl));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertFalse(e.getMessage().contains(secret), "the message repeats the secret: " + e.getMessage());
    }

    @Test
    void aSecretFileHoldsTheSecretOnItsFirstLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("turn-secret");
        Files.writeString(file, SECRET + "\r\nanything after\n");
        assertEquals(SECRET, TurnCredentials.readSecret(file));
    }

    @Test
    void coturnsOwnConfigurationCanBeTheSecretFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("turnserver.conf");
        Files.writeString(file, "# coturn\nlistening-port=3478\nuse-auth-secret\n  static-auth-secret = " + SECRET
                + "\nrealm=turn.example.org\n");
        assertEquals(SECRET, TurnCredentials.readSecret(file));
    }

    @Test
    void anEmptySecretFileIsAnError(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        assertTrue(assertThrows(IOException.class, () -> TurnCredentials.readSecret(empty)).getMessage().contains("empty"));
        Path emptyLine = dir.resolve("turnserver.conf");
        Files.writeString(emptyLine, "static-auth-secret=\n");
        assertTrue(assertThrows(IOException.class, () -> TurnCredentials.readSecret(emptyLine)).getMessage().contains("empty"));
    }
}
