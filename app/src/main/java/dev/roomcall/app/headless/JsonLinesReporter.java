package dev.roomcall.app.headless;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallListener;
import dev.roomcall.app.call.ShareCounters;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
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
            return stats(s.stats());
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
            return json;
        }
        if (event instanceof CallEvent.PeerJoined) {
            return named("peer-joined");
        }
        if (event instanceof CallEvent.Connected e) {
            JsonObject json = named("connected");
            json.addProperty("ms", e.ms());
            return json;
        }
        if (event instanceof CallEvent.Disconnected) {
            return named("disconnected");
        }
        if (event instanceof CallEvent.MediaProblem e) {
            JsonObject json = named("warning");
            json.addProperty("code", e.warning().code());
            json.addProperty("message", e.warning().message());
            return json;
        }
        if (event instanceof CallEvent.IceRestart e) {
            JsonObject json = named("ice-restart");
            json.addProperty("attempt", e.attempt());
            return json;
        }
        if (event instanceof CallEvent.FirstRemoteVideo e) {
            JsonObject json = named("first-remote-video");
            json.addProperty("width", e.width());
            json.addProperty("height", e.height());
            json.addProperty("ms", e.ms());
            return json;
        }
        if (event instanceof CallEvent.Verification e) {
            JsonObject json = named("verification");
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
            json.addProperty("width", e.width());
            json.addProperty("height", e.height());
            return json;
        }
        if (event instanceof CallEvent.RemoteShareStopped) {
            return named("remote-share-stopped");
        }
        if (event instanceof CallEvent.PeerLeft e) {
            JsonObject json = named("peer-left");
            json.addProperty("reason", e.reason());
            return json;
        }
        if (event instanceof CallEvent.RoomFull e) {
            JsonObject json = named("error");
            json.addProperty("code", "room-full");
            json.addProperty("message", "Room " + e.room() + " already has two people in it.");
            return json;
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

    private static JsonObject stats(CallStats s) {
        JsonObject json = named("stats");
        json.addProperty("framesDecoded", s.framesDecoded());
        json.addProperty("framesSent", s.framesSent());
        json.addProperty("bytesReceived", s.bytesReceived());
        json.addProperty("bytesSent", s.bytesSent());
        json.addProperty("audioBytesReceived", s.audioBytesReceived());
        json.addProperty("width", s.width());
        json.addProperty("height", s.height());
        json.addProperty("fps", s.fps());
        json.addProperty("rttMs", s.rttMs());
        json.addProperty("codec", s.codec());
        json.addProperty("packetsLost", s.packetsLost());
        json.addProperty("candidateType", s.candidateType());
        if (s.candidatePair().isKnown()) {
            // The same shape as the browser page's window.roomcall.stats().candidatePair.
            JsonObject pair = new JsonObject();
            pair.add("local", candidate(s.candidatePair().local()));
            pair.add("remote", candidate(s.candidatePair().remote()));
            json.add("candidatePair", pair);
        }
        return json;
    }

    private static JsonObject candidate(CandidatePair.Candidate c) {
        JsonObject json = new JsonObject();
        json.addProperty("type", c.type());
        json.addProperty("address", c.address());
        json.addProperty("port", c.port());
        json.addProperty("protocol", c.protocol());
        if (!c.relayProtocol().isEmpty()) {
            json.addProperty("relayProtocol", c.relayProtocol());
        }
        return json;
    }
}
