package dev.roomcall.media.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * What a person needs to check a call's encryption: the DTLS certificate fingerprints of both ends and the short
 * code derived from them.
 *
 * @param local  this end's certificate fingerprint (from the local description)
 * @param remote the peer's certificate fingerprint (from the remote description)
 * @param code   the code both ends show; equal on both sides unless someone sits in between
 */
public record DtlsVerification(DtlsFingerprint local, DtlsFingerprint remote, VerificationCode code) {
    public DtlsVerification {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(code, "code");
    }

    public static DtlsVerification of(DtlsFingerprint local, DtlsFingerprint remote) {
        return new DtlsVerification(local, remote, VerificationCode.of(local, remote));
    }

    /** Empty while either description is missing or carries no fingerprint. */
    public static Optional<DtlsVerification> fromSdp(String localSdp, String remoteSdp) {
        Optional<DtlsFingerprint> local = DtlsFingerprint.fromSdp(localSdp);
        Optional<DtlsFingerprint> remote = DtlsFingerprint.fromSdp(remoteSdp);
        if (local.isEmpty() || remote.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(local.get(), remote.get()));
    }
}
