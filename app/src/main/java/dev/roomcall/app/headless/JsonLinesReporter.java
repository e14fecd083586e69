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
        if (event instanceof CallEvent.SignalingOpen e) {
            JsonObject json = named("signaling-open");
            json.addProperty("url", e.url());
            return json;
        }
        if (event instanceof CallEvent.SignalingLost e) {
            JsonObject json = named("signaling-lost");
            json.addProperty("reason", e.reason());
            return json;
        }
        if (event instanceof CallEvent.Joined e) {
            JsonObject json = named("joined");
            json.addProperty("room", e.room());
            json.addProperty("peers", e.peers());
            JsonArray members = new JsonArray();
            e.members().forEach(member -> members.add(person(member.id(), member.name())));
            json.add("members", members);
            return json;
        }
        if (event instanceof CallEvent.PeerJoined e) {
            return person(named("peer-joined"), e.peer(), e.name());
        }
        if (event instanceof CallEvent.PeerName e) {
            return person(named("peer-name"), e.peer(), e.name());
        }
        if (event instanceof CallEvent.Connected e) {
            JsonObject json = named("connected");
            json.addProperty("peer", e.peer().value());
            json.addProperty("ms", e.ms());
            return json;
        }
        if (event instanceof CallEvent.Disconnected e) {
            JsonObject json = named("disconnected");
            json.addProperty("peer", e.peer().value());
            return json;
        }
        if (event instanceof CallEvent.MediaProblem e) {
            JsonObject json = named("warning");
            json.addProperty("code", e.warning().code());
            json.addProperty("message", e.warning().message());
            return json;
        }
        if (event instanceof CallEvent.IceRestart e) {
            JsonObject json = named("ice-restart");
            json.addProperty("peer", e.peer().value());
            json.addProperty("attempt", e.attempt());
            return json;
        }
        if (event instanceof CallEvent.FirstRemoteVideo e) {
            JsonObject json = named("first-remote-video");
            json.addProperty("peer", e.peer().value());
            json.addProperty("width", e.width());
            json.addProperty("height", e.height());
            json.addProperty("ms", e.ms());
            return json;
        }
        if (event instanceof CallEvent.Verification e) {
            JsonObject json = named("verification");
            json.addProperty("peer", e.peer().value());
            json.addProperty("code", e.verification().code().digits());
            json.addProperty("localFingerprint", e.verification().local().normalized());
            json.addProperty("remoteFingerprint", e.verification().remote().normalized());
            return json;
        }
        if (event instanceof CallEvent.ShareStarted e) {
            JsonObject json = named("share-started");
            json.addProperty("source", e.source());
            json.addProperty("kind", e.window() ? "window" : "screen");
            json.addProperty("width", e.width());
            json.addProperty("height", e.height());
            return json;
        }
        if (event instanceof CallEvent.ShareStopped e) {
            JsonObject json = named("share-stopped");
            json.addProperty("reason", e.reason());
            return json;
        }
        if (event instanceof CallEvent.RemoteShareStarted e) {
            JsonObject json = named("remote-share-started");
            json.addProperty("peer", e.peer().value());
            json.addProperty("width", e.width());
            json.addProperty("height", e.height());
            return json;
        }
        if (event instanceof CallEvent.RemoteShareStopped e) {
            JsonObject json = named("remote-share-stopped");
            json.addProperty("peer", e.peer().value());
            return json;
        }
        if (event instanceof CallEvent.PeerLeft e) {
            JsonObject json = person(named("peer-left"), e.peer(), e.name());
            json.addProperty("reason", e.reason());
            return json;
        }
        if (event instanceof CallEvent.RoomFull e) {
            JsonObject json = named("error");
            json.addProperty("code", "room-full");
            json.addProperty("message", e.explanation());
            return json;
        }
        if (event instanceof CallEvent.MovedToSfu e) {
            JsonObject json = named("moved-to-sfu");
            json.addProperty("videoroom", e.videoroom());
            return json;
        }
        if (event instanceof CallEvent.MediaServerLost e) {
            JsonObject json = named("media-server-lost");
            json.addProperty("reason", e.reason());
            return json;
        }
        if (event instanceof CallEvent.MediaServerBack) {
            return named("media-server-back");
        }
        if (event instanceof CallEvent.SfuStats e) {
            return StatsJson.ofSfu(e.sending(), e.receiving());
        }
        if (event instanceof CallEvent.Error e) {
            return error(e.code(), e.message());
        }
        if (event instanceof CallEvent.Ended e) {
            JsonObject json = named("ended");
            json.addProperty("reason", e.reason());
            return json;
        }
        throw new IllegalArgumentException("unmapped event " + event);
    }

    public static JsonObject error(String code, String message) {
        JsonObject json = named("error");
        json.addProperty("code", code);
        json.addProperty("message", message);
        return json;
    }

    public static JsonObject named(String event) {
        JsonObject json = new JsonObject();
        json.addProperty("event", event);
        return json;
    }

    private static JsonObject person(PeerId peer, String name) {
        return person(new JsonObject(), peer, name);
    }

    private static JsonObject person(JsonObject json, PeerId peer, String name) {
        json.addProperty("peer", peer.value());
        json.addProperty("name", name);
        return json;
    }
}
