package dev.roomcall.signaling;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.roomcall.signaling.SignalMessage.Invalid;
import dev.roomcall.signaling.SignalMessage.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes {@link SignalMessage}s. It writes exactly what a browser's {@code JSON.stringify} writes for
 * the demos ({@link SignalEncoder}) and reads both dialects: Gson parses strictly within {@link SignalLimits}, and
 * {@link SignalRules} judge the tree. Decoding never throws: anything it cannot understand comes back as
 * {@link Invalid}.
 */
public final class SignalCodec {

    /** {@link SignalLimits#MAX_MESSAGE_BYTES}: larger messages are refused. */
    public static final int MAX_MESSAGE_BYTES = SignalLimits.MAX_MESSAGE_BYTES;

    private SignalCodec() {}

    /** Encodes in the event dialect, which Roomcall's own server and page speak. */
    public static String encode(SignalMessage message) {
        return SignalEncoder.encode(message, Dialect.EVENT);
    }

    public static String encode(SignalMessage message, Dialect dialect) {
        return SignalEncoder.encode(message, dialect);
    }

    /** Decodes a text frame. */
    public static SignalMessage decode(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid(Problem.MALFORMED, SignalLimits.EMPTY);
        }
        // The limit is on the UTF-8 size (what travels). The UTF-16 length is a lower bound of it and cheap, so it
        // turns away huge strings before anything walks them.
        if (text.length() > MAX_MESSAGE_BYTES) {
            return new Invalid(Problem.TOO_LARGE, SignalLimits.tooManyCharacters(text.length()));
        }
        long utf8Bytes = utf8Length(text);
        if (utf8Bytes > MAX_MESSAGE_BYTES) {
            return new Invalid(Problem.TOO_LARGE, SignalLimits.tooLarge(utf8Bytes));
        }
        JsonElement root;
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(SignalLimits.MAX_NESTING);
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | IllegalStateException e) {
            return new Invalid(Problem.MALFORMED, SignalLimits.syntaxError(e.getCause() != null ? e.getCause() : e));
        } catch (StackOverflowError e) {
            return new Invalid(Problem.MALFORMED, SignalLimits.TOO_DEEP);
        }
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return new Invalid(Problem.MALFORMED, SignalLimits.TRAILING_DATA);
            }
        } catch (IOException | JsonParseException e) {
            return new Invalid(Problem.MALFORMED, SignalLimits.TRAILING_DATA);
        }
        return SignalRules.read(new GsonView(root));
    }

    /**
     * Decodes a binary frame. A Node {@code ws@8} relay forwards text frames as binary, so JSON in
     * binary frames is ordinary; bytes that are not UTF-8 are {@link Problem#MALFORMED}.
     */
    public static SignalMessage decode(ByteBuffer binary) {
        if (binary == null) {
            return new Invalid(Problem.MALFORMED, SignalLimits.EMPTY);
        }
        if (binary.remaining() > MAX_MESSAGE_BYTES) {
            return new Invalid(Problem.TOO_LARGE, SignalLimits.tooLarge(binary.remaining()));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(binary.duplicate())
                    .toString();
            return decode(text);
        } catch (CharacterCodingException e) {
            return new Invalid(Problem.MALFORMED, SignalLimits.NOT_UTF8);
        }
    }

    /** UTF-8 size without encoding: a lone surrogate counts as the 1-byte '?' the encoder would write. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
