package dev.roomcall.signaling;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret a {@code roomcall.v1} client makes once per call and sends with every join of that call
 * ({@code /ROOM?room=ROOM&member=TOKEN}, docs/protocol.md §13, "Keeping a member id across nodes"), so that any node
 * gives it the same member id: nodes share no state, so the client carries its identity. The id is a hash of the
 * token, so the others, who see only the id, cannot claim it. The token never appears in logs.
 */
public final class MemberToken {

    /** What a node accepts: 22 to 64 characters of base64url (22 hold the 128 random bits this class makes). */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    /** Why a node refused a token; the close reason of 1008. */
    public static final String RULE = "invalid member token: use 22-64 characters from A-Z a-z 0-9 _ -";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private MemberToken(String value) {
        this.value = value;
    }

    /** 128 random bits, base64url without padding (22 characters). */
    public static MemberToken random() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new MemberToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /** @throws IllegalArgumentException with {@link #RULE} if {@code value} is not a token */
    public static MemberToken of(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(RULE);
        }
        return new MemberToken(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /**
     * The member id every node derives from a valid token: {@code m} and 16 hex digits of its SHA-256 (64 bits, so no
     * two members of a room meet by chance, and short enough for every message's {@code from} and {@code to}).
     */
    public String memberId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("roomcall-member\n" + value).getBytes(StandardCharsets.US_ASCII));
            return "m" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code uri} with this token as its {@link Protocol#MEMBER_PARAM} query parameter (replacing any there). */
    public URI addTo(URI uri) {
        String query = uri.getRawQuery();
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith(Protocol.MEMBER_PARAM + "=") && !pair.equals(Protocol.MEMBER_PARAM)) {
                    kept.append(kept.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        kept.append(kept.length() == 0 ? "" : "&").append(Protocol.MEMBER_PARAM).append('=').append(value);
        try {
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + Objects.toString(uri.getRawPath(), "")
                    + "?" + kept);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot add a member token to " + uri, e);
        }
    }

    /** The token itself, for the query; never log it. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "MemberToken[hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberToken other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
