package dev.roomcall.media.stats;

/**
 * The ICE candidate pair a call's media currently flows over.
 *
 * @param local  this side's candidate
 * @param remote the peer's candidate
 */
public record CandidatePair(Candidate local, Candidate remote) {

    /** No pair selected yet (or the report did not name one). */
    public static final CandidatePair NONE = new CandidatePair(Candidate.UNKNOWN, Candidate.UNKNOWN);

    public CandidatePair {
        local = local == null ? Candidate.UNKNOWN : local;
        remote = remote == null ? Candidate.UNKNOWN : remote;
    }

    public boolean isKnown() {
        return local.isKnown() || remote.isKnown();
    }

    /**
     * One ICE candidate as the stats report describes it. Unknown text is the empty string, an unknown port 0.
     *
     * @param type          host, srflx, prflx or relay
     * @param address       the candidate's IP address (or mDNS name when the peer hides its address)
     * @param port          the candidate's port
     * @param protocol      transport between the candidates: udp or tcp
     * @param relayProtocol for a local relay candidate, how this side reaches the TURN server: udp, tcp or tls
     */
    public record Candidate(String type, String address, int port, String protocol, String relayProtocol) {

        public static final Candidate UNKNOWN = new Candidate("", "", 0, "", "");

        public Candidate {
            type = type == null ? "" : type;
            address = address == null ? "" : address;
            protocol = protocol == null ? "" : protocol;
            relayProtocol = relayProtocol == null ? "" : relayProtocol;
        }

        public boolean isKnown() {
            return !type.isEmpty() || !address.isEmpty();
        }

        /** {@code address:port}, IPv6 addresses in brackets; empty when the address is unknown. */
        public String endpoint() {
            if (address.isEmpty()) {
                return "";
            }
            String host = address.indexOf(':') >= 0 ? "[" + address + "]" : address;
            return port > 0 ? host + ":" + port : host;
        }
    }
}
