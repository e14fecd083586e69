package dev.roomcall.app.settings;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.IceServerRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One STUN or TURN server as a person enters it: {@code stun:host[:port]}, {@code turn:host[:port][?transport=udp|tcp]}
 * or {@code turns:...}, with the username and credential a TURN server hands out (empty for STUN). What is usable is
 * {@link IceServerRule}'s to say.
 */
public record IceServerSetting(String url, String username, String credential) {

    public IceServerSetting {
        url = Objects.requireNonNullElse(url, "").strip();
        username = Objects.requireNonNullElse(username, "").strip();
        credential = Objects.requireNonNullElse(credential, "");
    }

    /** Why this entry cannot be used ({@link IceServerRule}, as on the command lines); empty if it can. */
    public Optional<SettingProblem> problem() {
        return IceServerRule.problem(url, username, credential).map(problem -> switch (problem) {
            case SCHEME, STUNS -> SettingProblem.ICE_SCHEME;
            case HOST -> SettingProblem.ICE_HOST;
            case TURN_CREDENTIALS -> SettingProblem.TURN_CREDENTIALS;
        });
    }

    /** What a peer connection is configured with; the username and credential are left out when empty. */
    public IceServer toIceServer() {
        return new IceServer(List.of(url), username.isEmpty() ? null : username, credential.isEmpty() ? null : credential);
    }
}
