package dev.roomcall.server;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.IceServerRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived TURN credentials in the "TURN REST API" scheme that coturn checks under {@code use-auth-secret}:
 * the username is {@code <expiry in Unix seconds>:<random id>} and the credential is
 * {@code base64(HMAC-SHA1(secret, username))}. The TURN server and this server share only the secret, so no
 * per-user accounts exist, and a credential copied out of a browser stops working once it expires.
 *
 * <p>{@link #toString()} never shows the secret, so a logged configuration does not leak it.
 *
 * @param urls   {@code turn:} or {@code turns:} URLs of the relay (one coturn may listen on several)
 * @param secret coturn's {@code static-auth-secret}
 * @param ttl    how long each issued credential is valid; calls longer than this lose the relay when the
 *               browser next refreshes its allocation, so hours rather than minutes
 */
public record TurnCredentials(List<String> urls, String secret, Duration ttl) {

    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    /** Shorter credentials could expire between the welcome and the first allocation on a slow start. */
    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    /** An offline guess of the secret from one issued credential must be hopeless; {@code openssl rand -hex 32} gives 64. */
    public static final int MIN_SECRET_LENGTH = 16;

    /** A coturn configuration line; coturn itself reads {@code option=value}. */
    private static final Pattern COTURN_SECRET_LINE = Pattern.compile("^\\s*static-auth-secret\\s*=\\s*(\\S*)\\s*$",
            Pattern.MULTILINE);
    private static final String HMAC = "HmacSHA1";
    private static final SecureRandom RANDOM = new SecureRandom();

    public TurnCredentials {
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(ttl, "ttl");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("TURN credentials need at least one turn: or turns: URL");
        }
        for (String url : urls) {
            if (!IceServerRule.isTurn(url)) {
                throw new IllegalArgumentException("a TURN URL must start with turn: or turns:, was '" + url + "'");
            }
            Optional<IceServerRule.Problem> problem = IceServerRule.urlProblem(url);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("TURN URL '" + url + "' " + problem.get().words());
            }
        }
        // Never quote the secret in these messages: they end up on terminals and in logs.
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the TURN secret must be at least " + MIN_SECRET_LENGTH
                    + " characters (e.g. openssl rand -hex 32), was " + secret.length());
        }
        if (!secret.chars().allMatch(c -> c > ' ' && c != 0x7f)) {
            throw new IllegalArgumentException("the TURN secret must not contain spaces or control characters "
                    + "(coturn's configuration file could not hold it)");
        }
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("the TURN credential lifetime must be at least " + MIN_TTL.toMinutes()
                    + " minute, was " + ttl);
        }
    }

    /**
     * Reads the shared secret from a file: either the file's first line (a file holding only the secret), or, for a
     * file with a {@code static-auth-secret=} line (coturn's own {@code turnserver.conf}), that line's value, so both
     * servers can read one file. With several such lines (coturn accepts any of them), the first one is used.
     */
    public static String readSecret(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        Matcher coturn = COTURN_SECRET_LINE.matcher(content);
        if (coturn.find()) {
            if (coturn.group(1).isEmpty()) {
                throw new IOException(file + " has an empty static-auth-secret line");
            }
            return coturn.group(1);
        }
        int end = content.indexOf('\n');
        String firstLine = (end < 0 ? content : content.substring(0, end)).strip();
        if (firstLine.isEmpty()) {
            throw new IOException(file + " is empty: its first line should be the TURN secret");
        }
        return firstLine;
    }

    /** A fresh credential, valid for {@link #ttl()} from now. */
    public IceServer issue() {
        return issue(Instant.now());
    }

    /** A fresh credential valid until {@code now + ttl}; each call has its own random id. */
    public IceServer issue(Instant now) {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String username = now.plus(ttl).getEpochSecond() + ":" + HexFormat.of().formatHex(id);
        return new IceServer(urls, username, credential(secret, username));
    }

    /** {@code base64(HMAC-SHA1(secret, username))}, what coturn recomputes to check a REST username. */
    static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + HMAC, e);
        }
    }

    @Override
    public String toString() {
        return "TurnCredentials[urls=" + urls + ", secret=(hidden), ttl=" + ttl + "]";
    }
}
