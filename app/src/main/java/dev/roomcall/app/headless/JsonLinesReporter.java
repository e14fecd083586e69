package dev.roomcall.app.headless;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallListener;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.ShareCounters;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Headless mode's only output: one JSON object per line on stdout, each with an {@code "event"}
 * field, so scripts and tests can follow a call without parsing logs (logs go to stderr).
 */
public final class JsonLinesReporter implements CallListener {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final PrintStream out;
    private volatile Supplier<ShareCounters> shareCounters = () -> ShareCounters.NONE;

    public JsonLinesReporter(PrintStream out) {
        this.out = out;
    }

    /** Where the {@code stats} lines' screen-sharing counters come from (the running call). */
    public void shareCounters(Supplier<ShareCounters> counters) {
        shareCounters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public void onEvent(CallEvent event) {
        if (event instanceof CallEvent.Stats s && !s.first()) {
            return; // one line per round of statistics, made when the first person's arrive, sums over everyone
        }
        JsonObject json = toJson(event);
        if (event instanceof CallEvent.Stats) {
            addShareCounters(json, shareCounters.get());
        }
        print(json);
    }

    static void addShareCounters(JsonObject stats, ShareCounters counters) {
        stats.addProperty("screenFramesSent", counters.screenFramesSent());
        stats.addProperty("remoteScreenFramesDecoded", counters.remoteScreenFramesDecoded());
    }

    /** For events that are not part of a call, such as the embedded server's address. */
    public void print(JsonObject json) {
        String line = GSON.toJson(json);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static JsonObject toJson(CallEvent event) {
        if (event instanceof CallEvent.Stats s) {
            return StatsJson.of(s.everyone(), s.totals());
        }
        if (event instanceof CallEvent.SfuStats e) {
            return StatsJson.ofSfu(e.sending(), e.receiving());
        }
        if (event instanceof CallEvent.SignalingOpen e) {
            return EventJson.of("signaling-open", "url", e.url());
        }
        if (event instanceof CallEvent.SignalingLost e) {
            return EventJson.of("signaling-lost", "reason", e.reason());
        }
        if (event instanceof CallEvent.Joined e) {
            JsonArray members = new JsonArray();
            e.members().forEach(member -> members.add(person(member.id(), member.name())));
            return EventJson.of("joined", "room", e.room(), "peers", e.peers(), "members", members);
        }
        if (event instanceof CallEvent.PeerJoined e) {
            return EventJson.of("peer-joined", "peer", e.peer().value(), "name", e.name());
        }
        if (event instanceof CallEvent.PeerName e) {
            return EventJson.of("peer-name", "peer", e.peer().value(), "name", e.name());
        }
        if (event instanceof CallEvent.PeerLeft e) {
            return EventJson.of("peer-left", "peer", e.peer().value(), "name", e.name(), "reason", e.reason());
        }
        if (event instanceof CallEvent.Connected e) {
            return EventJson.of("connected", "peer", e.peer().value(), "ms", e.ms());
        }
        if (event instanceof CallEvent.Disconnected e) {
            return EventJson.of("disconnected", "peer", e.peer().value());
        }
        if (event instanceof CallEvent.MediaProblem e) {
            return EventJson.of("warning", "code", e.warning().code(), "message", e.warning().message());
        }
        if (event instanceof CallEvent.IceRestart e) {
            return EventJson.of("ice-restart", "peer", e.peer().value(), "attempt", e.attempt());
        }
        if (event instanceof CallEvent.FirstRemoteVideo e) {
            return EventJson.of("first-remote-video", "peer", e.peer().value(), "width", e.width(),
                    "height", e.height(), "ms", e.ms());
        }
        if (event instanceof CallEvent.Verification e) {
            return EventJson.of("verification", "peer", e.peer().value(), "code", e.verification().code().digits(),
                    "localFingerprint", e.verification().local().normalized(),
                    "remoteFingerprint", e.verification().remote().normalized());
        }
        if (event instanceof CallEvent.ShareStarted e) {
            return EventJson.of("share-started", "source", e.source(), "kind", e.window() ? "window" : "screen",
                    "width", e.width(), "height", e.height());
        }
        if (event instanceof CallEvent.ShareStopped e) {
            return EventJson.of("share-stopped", "reason", e.reason());
        }
        if (event instanceof CallEvent.RemoteShareStarted e) {
            return EventJson.of("remote-share-started", "peer", e.peer().value(), "width", e.width(),
                    "height", e.height());
        }
        if (event instanceof CallEvent.RemoteShareStopped e) {
            return EventJson.of("remote-share-stopped", "peer", e.peer().value());
        }
        if (event instanceof CallEvent.RoomFull e) {
            return error("room-full", e.explanation());
        }
        if (event instanceof CallEvent.MovedToSfu e) {
            return EventJson.of("moved-to-sfu", "videoroom", e.videoroom());
        }
        if (event instanceof CallEvent.MediaServerLost e) {
            return EventJson.of("media-server-lost", "reason", e.reason());
        }
        if (event instanceof CallEvent.MediaServerBack) {
            return EventJson.of("media-server-back");
        }
        if (event instanceof CallEvent.Error e) {
            return error(e.code(), e.message());
        }
        if (event instanceof CallEvent.Ended e) {
            return EventJson.of("ended", "reason", e.reason());
        }
        throw new IllegalArgumentException("unmapped event " + event);
    }

    public static JsonObject error(String code, String message) {
        return EventJson.of("error", "code", code, "message", message);
    }

    public static JsonObject named(String event) {
        return EventJson.of(event);
    }

    private static JsonObject person(PeerId peer, String name) {
        JsonObject json = new JsonObject();
        json.addProperty("peer", peer.value());
        json.addProperty("name", name);
        return json;
    }
}
