package dev.roomcall.server;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The message as characters for JsonReader, decoded strictly as the JDK does. Pure ASCII (what
 * browsers send) is read straight from the bytes; anything else is decoded once into a char array.
 */
final class MessageCharacters extends Reader {
    private final byte[] ascii;
    private final char[] chars;
    private final int length;
    /** A control character: outside strings only JSON whitespace, inside them an error in strict mode. */
    final boolean control;
    /** Only whitespace, as {@link String#isBlank()} sees it. */
    final boolean blank;
    private int position;

    private MessageCharacters(byte[] ascii, char[] chars, int length, boolean control, boolean blank) {
        this.ascii = ascii;
        this.chars = chars;
        this.length = length;
        this.control = control;
        this.blank = blank;
    }

    /** @return null if the bytes are not UTF-8 */
    static MessageCharacters of(byte[] bytes) {
        boolean control = false;
        boolean blank = true;
        for (byte b : bytes) {
            if (b < 0) {
                return decoded(bytes);
            }
            control |= b < 0x20;
            blank &= Character.isWhitespace((char) b);
        }
        return new MessageCharacters(bytes, null, bytes.length, control, blank);
    }

    private static MessageCharacters decoded(byte[] bytes) {
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return null;
        }
        char[] chars = decoded.array();
        int length = decoded.limit();
        boolean control = false;
        boolean blank = true;
        for (int i = 0; i < length; i++) {
            control |= chars[i] < 0x20;
            // Surrogates are never whitespace, nor is any supplementary code point: per char is per code point here.
            blank &= Character.isWhitespace(chars[i]);
        }
        return new MessageCharacters(null, chars, length, control, blank);
    }

    @Override
    public int read(char[] into, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = Math.min(count, length - position);
        if (ascii != null) {
            for (int i = 0; i < n; i++) {
                into[offset + i] = (char) ascii[position + i];
            }
        } else {
            System.arraycopy(chars, position, into, offset, n);
        }
        position += n;
        return n;
    }

    @Override
    public void close() {
        position = length;
    }
}
