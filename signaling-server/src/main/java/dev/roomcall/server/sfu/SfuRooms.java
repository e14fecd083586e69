package dev.roomcall.server.sfu;

import dev.roomcall.signaling.SignalMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;

/**
 * Where the rooms that outgrow the mesh get their media server. {@link JanusRooms} is the real one; the server's
 * tests use their own.
 */
public interface SfuRooms extends AutoCloseable {

    SfuSettings settings();

    /**
     * The SFU room for {@code room}: made on first asking, the same one after; fails with the reason when the media
     * server cannot make it.
     */
    CompletableFuture<SignalMessage.Sfu> open(String room);

    /**
     * {@link #open} for a join that waits: the SFU room, or empty (logged) when it cannot be made within {@code wait}.
     */
    default Optional<SignalMessage.Sfu> openWithin(String room, Duration wait) {
        try {
            return Optional.of(open(room).get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LoggerFactory.getLogger(SfuRooms.class).warn("event=sfu-unavailable reason={}",
                    e.getCause() != null ? e.getCause().getMessage() : e.toString());
            return Optional.empty();
        }
    }

    /** The room emptied: its SFU room goes away. */
    void release(String room);

    @Override
    void close();
}
