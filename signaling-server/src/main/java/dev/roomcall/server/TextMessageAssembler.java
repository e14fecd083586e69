package dev.roomcall.server;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;

/**
 * Joins the frames of one text message into one array of exactly its size, as bytes: the relay
 * forwards them unchanged, so nothing here decodes UTF-8. Refuses a message the moment its frames
 * add up to more than the limit, as Jetty's own text message sink would. One per connection; Jetty
 * delivers a connection's frames one at a time, so it needs no locking.
 */
final class TextMessageAssembler {

    private final int maxBytes;
    private byte[] buffer;
    private int length;
    private boolean inProgress;
    private boolean discarding;

    TextMessageAssembler(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** True between a text frame that is not final and the continuation frame that is. */
    boolean inProgress() {
        return inProgress;
    }

    /**
     * Takes the next frame of a text message; its payload is copied, so the frame may be released at once.
     *
     * @param first true for the TEXT frame that starts a message, false for its CONTINUATION frames
     * @return the whole message if this was its final frame, else null (also for the rest of a refused message)
     * @throws MessageTooLargeException the first time a message's frames exceed the limit; its later frames are dropped
     */
    byte[] add(ByteBuffer payload, boolean first, boolean fin) {
        if (first) {
            buffer = null;
            length = 0;
            discarding = false;
        }
        inProgress = !fin;
        if (discarding) {
            return null;
        }
        int size = payload == null ? 0 : payload.remaining();
        long total = (long) length + size;
        if (total > maxBytes) {
            discarding = true;
            buffer = null;
            // Jetty's words (and its default-locale grouping), so the close reason reads as it always has.
            throw new MessageTooLargeException(String.format(Locale.getDefault(), "Text message too large: %,d > %,d", total, maxBytes));
        }
        if (fin && buffer == null) {
            // The usual case, one frame: straight into an array of the right size.
            byte[] whole = new byte[size];
            if (size > 0) {
                payload.duplicate().get(whole);
            }
            return whole;
        }
        if (buffer == null || buffer.length < total) {
            int capacity = (int) Math.min(maxBytes, Math.max(total, buffer == null ? 0 : 2L * buffer.length));
            buffer = buffer == null ? new byte[capacity] : Arrays.copyOf(buffer, capacity);
        }
        if (size > 0) {
            payload.duplicate().get(buffer, length, size);
        }
        length = (int) total;
        if (!fin) {
            return null;
        }
        byte[] whole = buffer.length == length ? buffer : Arrays.copyOf(buffer, length);
        buffer = null;
        length = 0;
        return whole;
    }
}
