package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.media.stats.CandidatePair;

/**
 * The selected candidate pair in one line for the statistics overlay, e.g.
 * {@code relay · udp · 192.0.2.2:50000 ⇄ 10.0.0.2:3478}: this side's type, the transport, then this side's and the
 * peer's address. A relay reached over another transport than the pair's says so, e.g. {@code udp (TURN over tcp)}.
 */
final class CandidatePairText {

    private CandidatePairText() {}

    /** The line, or the overlay's dash when no pair is known. */
    static String of(CandidatePair pair) {
        if (!pair.isKnown()) {
            return CallStatus.text("stats.none");
        }
        CandidatePair.Candidate local = pair.local();
        String type = local.type().isEmpty() ? "?" : CallStatus.text("pair.type." + local.type());
        String protocol = local.protocol().isEmpty() ? "?" : local.protocol();
        if (!local.relayProtocol().isEmpty() && !local.relayProtocol().equals(local.protocol())) {
            protocol = CallStatus.text("pair.relayProtocol", protocol, local.relayProtocol());
        }
        return CallStatus.text("pair.line", type, protocol, endpoint(local), endpoint(pair.remote()));
    }

    private static String endpoint(CandidatePair.Candidate candidate) {
        String endpoint = candidate.endpoint();
        return endpoint.isEmpty() ? "?" : endpoint;
    }
}
