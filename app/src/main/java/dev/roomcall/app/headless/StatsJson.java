package dev.roomcall.app.headless;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomcall.app.call.PeerStats;
import dev.roomcall.app.call.StatsTotals;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
import java.util.List;

/**
 * The headless {@code stats} line: the call's counters ({@link StatsTotals}: summed over everyone in a mesh, the
 * connections' own in a room on the media server), what only one picture can have
 * (size, frame rate, round trip, codec, candidates) from the first person, as the browser page's
 * {@code window.roomcall.stats()} does, and {@code peers} with one object per person.
 */
final class StatsJson {

    private StatsJson() {}

    static JsonObject of(List<PeerStats> everyone, StatsTotals totals) {
        JsonObject json = JsonLinesReporter.named("stats");
        CallStats first = everyone.isEmpty() ? CallStats.EMPTY : everyone.get(0).stats();
        json.addProperty("framesDecoded", totals.framesDecoded());
        json.addProperty("framesSent", totals.framesSent());
        json.addProperty("bytesReceived", totals.bytesReceived());
        json.addProperty("bytesSent", totals.bytesSent());
        json.addProperty("audioBytesReceived", totals.audioBytesReceived());
        json.addProperty("width", first.width());
        json.addProperty("height", first.height());
        json.addProperty("fps", first.fps());
        json.addProperty("rttMs", first.rttMs());
        json.addProperty("codec", first.codec());
        json.addProperty("packetsLost", totals.packetsLost());
        json.addProperty("candidateType", first.candidateType());
        if (first.candidatePair().isKnown()) {
            // The same shape as the browser page's window.roomcall.stats().candidatePair.
            JsonObject pair = new JsonObject();
            pair.add("local", candidate(first.candidatePair().local()));
            pair.add("remote", candidate(first.candidatePair().remote()));
            json.add("candidatePair", pair);
        }
        JsonArray peers = new JsonArray();
        everyone.forEach(person -> peers.add(person(person)));
        json.add("peers", peers);
        return json;
    }

    /**
     * The headless {@code sfu-stats} line of a room on the media server: what the publishing connection sent and
     * what the subscription (everyone else's feeds together) received.
     */
    static JsonObject ofSfu(CallStats sending, CallStats receiving) {
        JsonObject json = JsonLinesReporter.named("sfu-stats");
        json.addProperty("framesSent", sending.framesSent());
        json.addProperty("bytesSent", sending.bytesSent());
        json.addProperty("framesDecoded", receiving.framesDecoded());
        json.addProperty("bytesReceived", receiving.bytesReceived());
        json.addProperty("audioBytesReceived", receiving.audioBytesReceived());
        json.addProperty("packetsLost", receiving.packetsLost());
        json.addProperty("rttMs", sending.rttMs());
        json.addProperty("candidateType", sending.candidateType());
        return json;
    }

    private static JsonObject person(PeerStats person) {
        CallStats s = person.stats();
        JsonObject json = new JsonObject();
        json.addProperty("peer", person.peer().value());
        json.addProperty("name", person.name());
        json.addProperty("framesDecoded", s.framesDecoded());
        json.addProperty("bytesReceived", s.bytesReceived());
        json.addProperty("audioBytesReceived", s.audioBytesReceived());
        json.addProperty("width", s.width());
        json.addProperty("height", s.height());
        // width/height are the largest picture from this person (a shared screen, while there is one): the camera's
        // own size shows which camera they send.
        json.addProperty("cameraWidth", s.videoTracks().cameraReceived().width());
        json.addProperty("cameraHeight", s.videoTracks().cameraReceived().height());
        json.addProperty("fps", s.fps());
        json.addProperty("rttMs", s.rttMs());
        json.addProperty("candidateType", s.candidateType());
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
