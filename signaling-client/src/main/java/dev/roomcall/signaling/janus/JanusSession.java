package dev.roomcall.signaling.janus;

import com.google.gson.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Janus session on a connection, kept alive: Janus ends a session that sends nothing for its
 * {@code session_timeout} (60 s by default), so this one says {@code keepalive} every 25 s until it is closed.
 */
public final class JanusSession implements AutoCloseable {

    /** Well inside Janus's default 60 s session timeout, even with one keepalive lost. */
    static final long KEEPALIVE_SECONDS = 25;

    private static final Logger log = LoggerFactory.getLogger(JanusSession.class);

    private final JanusConnection connection;
    private final long id;
    private final ScheduledFuture<?> keepalive;

    private JanusSession(JanusConnection connection, long id, ScheduledExecutorService timer) {
        this.connection = connection;
        this.id = id;
        this.keepalive = timer.scheduleAtFixedRate(this::keepAlive, KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /** Creates a session; {@code timer} sends its keepalives. */
    public static JanusSession create(JanusConnection connection, ScheduledExecutorService timer) throws JanusException {
        JsonObject request = new JsonObject();
        request.addProperty("janus", "create");
        return new JanusSession(connection, JanusJson.dataId(await(connection.request(request))), timer);
    }

    public long id() {
        return id;
    }

    /** Attaches to {@code plugin} (e.g. {@code janus.plugin.videoroom}) and returns the handle's id. */
    public long attach(String plugin) throws JanusException {
        JsonObject request = envelope("attach");
        request.addProperty("plugin", plugin);
        return JanusJson.dataId(await(connection.request(request)));
    }

    /** Sends {@code body} to the plugin behind {@code handle} and returns the plugin's answer ({@code plugindata.data}). */
    public JsonObject message(long handle, JsonObject body) throws JanusException {
        JsonObject request = envelope("message");
        request.addProperty("handle_id", handle);
        request.add("body", body);
        return JanusJson.pluginData(await(connection.request(request)));
    }

    /**
     * Sends {@code body} with a session description to the plugin behind {@code handle} and returns Janus's whole reply
     * (the plugin's answer in {@code plugindata}, and the plugin's own description in {@code jsep} when it makes one).
     */
    public JsonObject message(long handle, JsonObject body, JsonObject jsep) throws JanusException {
        JsonObject request = envelope("message");
        request.addProperty("handle_id", handle);
        request.add("body", body);
        if (jsep != null) {
            request.add("jsep", jsep);
        }
        JsonObject reply = await(connection.request(request));
        JanusException refused = JanusJson.pluginError(reply);
        if (refused != null) {
            throw refused;
        }
        return reply;
    }

    /** Trickles one of our ICE candidates to the peer connection behind {@code handle}; {@code null} says "no more". */
    public void trickle(long handle, JsonObject candidate) {
        JsonObject request = envelope("trickle");
        request.addProperty("handle_id", handle);
        if (candidate == null) {
            JsonObject completed = new JsonObject();
            completed.addProperty("completed", true);
            request.add("candidate", completed);
        } else {
            request.add("candidate", candidate);
        }
        connection.request(request).exceptionally(failure -> {
            log.debug("event=janus-trickle-failed session={} reason={}", id, failure.getMessage());
            return null;
        });
    }

    /** Detaches a plugin handle (the peer connection behind it closes). */
    public void detach(long handle) {
        connection.forget(handle);
        JsonObject request = envelope("detach");
        request.addProperty("handle_id", handle);
        connection.request(request).exceptionally(failure -> null);
    }

    public JanusConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        keepalive.cancel(false);
        if (connection.isOpen()) {
            connection.request(envelope("destroy"))
                    .exceptionally(failure -> {
                        log.debug("event=janus-session-destroy-failed session={} reason={}", id, failure.getMessage());
                        return null;
                    });
        }
    }

    private void keepAlive() {
        connection.request(envelope("keepalive")).exceptionally(failure -> {
            log.warn("event=janus-keepalive-failed session={} reason={}", id, failure.getMessage());
            return null;
        });
    }

    private JsonObject envelope(String kind) {
        JsonObject request = new JsonObject();
        request.addProperty("janus", kind);
        request.addProperty("session_id", id);
        return request;
    }

    /** Waits for an answer; the connection's own timeout bounds the wait. */
    static JsonObject await(CompletableFuture<JsonObject> answer) throws JanusException {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException(JanusException.UNREACHABLE, "interrupted while waiting for Janus");
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof JanusException janus) {
                throw janus;
            }
            throw new JanusException(JanusException.UNREACHABLE, String.valueOf(e.getCause()));
        }
    }
}
