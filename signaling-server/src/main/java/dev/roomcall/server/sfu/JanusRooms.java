package dev.roomcall.server.sfu;

import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.JanusConnection;
import dev.roomcall.signaling.janus.JanusException;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomAdmin;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VideoRooms this server keeps on Janus, one per large room, each with its own random id, secret and pin.
 *
 * <p>Everything runs on one thread, which owns the connection and the map. Janus may restart (and forget every room)
 * or the socket may drop: the next request connects again, and when the connection comes back after a loss every
 * room still held is created again with the same id, secret and pin, so members reconnecting to Janus find it.
 */
public final class JanusRooms implements SfuRooms {

    private static final Logger LOG = LoggerFactory.getLogger(JanusRooms.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The VideoRoom plugin's "room already exists". */
    private static final int ROOM_EXISTS = 427;
    private static final long MAX_RECONNECT_SECONDS = 30;

    private final SfuSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roomcall-janus");
        t.setDaemon(true);
        return t;
    });
    // Only touched on the thread.
    private final Map<String, VideoRoomAdmin.RoomSpec> held = new HashMap<>();
    private JanusConnection connection;
    private JanusSession session;
    private VideoRoomAdmin admin;
    private long reconnectSeconds = 1;
    private boolean closed;

    public JanusRooms(SfuSettings settings) {
        this.settings = settings;
    }

    @Override
    public SfuSettings settings() {
        return settings;
    }

    @Override
    public CompletableFuture<SignalMessage.Sfu> open(String room) {
        CompletableFuture<SignalMessage.Sfu> answer = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                VideoRoomAdmin.RoomSpec spec = held.get(room);
                if (spec == null) {
                    spec = create(room);
                    held.put(room, spec);
                }
                answer.complete(new SignalMessage.Sfu(settings.publicUrl().toString(), spec.room(), spec.pin()));
            } catch (JanusException | RuntimeException e) {
                LOG.warn("event=sfu-open-failed code={} reason={}", e instanceof JanusException j ? j.code() : 0,
                        e.getMessage());
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    @Override
    public void release(String room) {
        thread.execute(() -> {
            VideoRoomAdmin.RoomSpec spec = held.remove(room);
            if (spec == null || admin == null) {
                return;
            }
            try {
                admin.destroy(spec.room(), spec.secret());
                LOG.info("event=sfu-room-destroyed videoroom={}", spec.room());
            } catch (JanusException e) {
                // Janus forgets it anyway when it restarts; nobody can join it without the pin meanwhile.
                LOG.warn("event=sfu-destroy-failed videoroom={} code={} reason={}", spec.room(), e.code(), e.getMessage());
            }
        });
    }

    /** How many VideoRooms this server holds on Janus now. */
    public CompletableFuture<Integer> heldCount() {
        return CompletableFuture.supplyAsync(held::size, thread);
    }

    @Override
    public void close() {
        thread.execute(() -> {
            closed = true;
            held.forEach((room, spec) -> {
                try {
                    if (admin != null) {
                        admin.destroy(spec.room(), spec.secret());
                    }
                } catch (JanusException e) {
                    LOG.debug("event=sfu-destroy-on-close-failed videoroom={}", spec.room());
                }
            });
            held.clear();
            disconnect();
        });
        thread.shutdown();
        try {
            thread.awaitTermination(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private VideoRoomAdmin.RoomSpec create(String room) throws JanusException {
        VideoRoomAdmin admin = connected();
        while (true) {
            // Positive 31-bit ids: what every Janus client library takes as a number.
            long id = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            VideoRoomAdmin.RoomSpec spec = new VideoRoomAdmin.RoomSpec(id, token(), token(), settings.publishers(),
                    settings.bitrate(), "roomcall");
            try {
                admin.create(spec);
                LOG.info("event=sfu-room-created videoroom={} publishers={}", id, spec.publishers());
                return spec;
            } catch (JanusException e) {
                if (e.code() != ROOM_EXISTS) {
                    throw e;
                }
            }
        }
    }

    private VideoRoomAdmin connected() throws JanusException {
        if (closed) {
            throw new JanusException(JanusException.UNREACHABLE, "the server is stopping");
        }
        if (admin != null && connection.isOpen()) {
            return admin;
        }
        disconnect();
        JanusConnection opened = JanusConnection.open(settings.janus(), TIMEOUT, event -> { });
        try {
            session = JanusSession.create(opened, thread);
            admin = new VideoRoomAdmin(session, settings.adminKey());
        } catch (JanusException e) {
            opened.close();
            throw e;
        }
        connection = opened;
        opened.whenClosed().thenRun(() -> thread.execute(() -> lost(opened)));
        reconnectSeconds = 1;
        return admin;
    }

    /** The socket to Janus closed: rooms still held must exist again once Janus is back. */
    private void lost(JanusConnection which) {
        if (which != connection || closed) {
            return;
        }
        LOG.warn("event=janus-lost rooms={}", held.size());
        disconnect();
        if (!held.isEmpty()) {
            thread.schedule(this::restore, reconnectSeconds, TimeUnit.SECONDS);
        }
    }

    private void restore() {
        if (closed || held.isEmpty() || admin != null) {
            return;
        }
        try {
            VideoRoomAdmin again = connected();
            int made = 0;
            for (VideoRoomAdmin.RoomSpec spec : held.values()) {
                try {
                    again.create(spec);
                    made++;
                } catch (JanusException e) {
                    if (e.code() != ROOM_EXISTS) {
                        throw e;
                    }
                }
            }
            LOG.info("event=janus-restored rooms={} recreated={}", held.size(), made);
        } catch (JanusException e) {
            reconnectSeconds = Math.min(MAX_RECONNECT_SECONDS, reconnectSeconds * 2);
            LOG.warn("event=janus-restore-failed retryIn={}s reason={}", reconnectSeconds, e.getMessage());
            disconnect();
            thread.schedule(this::restore, reconnectSeconds, TimeUnit.SECONDS);
        }
    }

    private void disconnect() {
        if (session != null) {
            session.close();
        }
        if (connection != null) {
            connection.close();
        }
        session = null;
        admin = null;
        connection = null;
    }

    private String token() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
