package dev.roomcall.app.settings;

import dev.roomcall.signaling.IceServer;
import java.util.List;
import java.util.Objects;

/**
 * What a person chose in the settings and expects to find again at the next launch.
 *
 * @param server     the signaling server for new rooms and for codes typed without a link; empty for the built-in one
 * @param devices    preferred camera, microphone and speaker
 * @param resolution the camera size to ask for
 * @param iceServers STUN/TURN servers for calls across networks; empty means "this network only, or what the server
 *                   announces"
 * @param language   the window's language
 * @param relayOnly  calls only through a TURN relay, never direct, so the other person never learns this computer's
 *                   addresses
 * @param chimeVolume the sound when someone arrives or leaves, from 0 (off) to 1
 * @param displayName the name others see in a call, bounded as a display name; empty for this computer's account
 *                    name ({@link DisplayName#of})
 * @param shareSize  the largest picture a shared screen is sent at
 */
public record Settings(String server, DevicePreferences devices, Resolution resolution,
                       List<IceServerSetting> iceServers, Language language, boolean relayOnly, double chimeVolume,
                       String displayName, ShareSize shareSize) {

    public static final String BUILT_IN_SERVER = "";
    public static final double DEFAULT_CHIME_VOLUME = 0.7;

    public Settings {
        server = Objects.requireNonNullElse(server, BUILT_IN_SERVER).strip();
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(resolution, "resolution");
        iceServers = List.copyOf(iceServers);
        Objects.requireNonNull(language, "language");
        shareSize = Objects.requireNonNullElse(shareSize, ShareSize.DEFAULT);
        if (!(chimeVolume >= 0 && chimeVolume <= 1)) {
            throw new IllegalArgumentException("chime volume must be between 0 and 1, not " + chimeVolume);
        }
        displayName = DisplayName.bounded(displayName);
    }

    /** Screens shared up to 1920x1080. */
    public Settings(String server, DevicePreferences devices, Resolution resolution, List<IceServerSetting> iceServers,
                    Language language, boolean relayOnly, double chimeVolume, String displayName) {
        this(server, devices, resolution, iceServers, language, relayOnly, chimeVolume, displayName, ShareSize.DEFAULT);
    }

    /** This computer's account name for others to see, screens shared up to 1920x1080. */
    public Settings(String server, DevicePreferences devices, Resolution resolution, List<IceServerSetting> iceServers,
                    Language language, boolean relayOnly, double chimeVolume) {
        this(server, devices, resolution, iceServers, language, relayOnly, chimeVolume, "");
    }

    /** The chime at its usual volume. */
    public Settings(String server, DevicePreferences devices, Resolution resolution, List<IceServerSetting> iceServers,
                    Language language, boolean relayOnly) {
        this(server, devices, resolution, iceServers, language, relayOnly, DEFAULT_CHIME_VOLUME);
    }

    /** Direct connections allowed. */
    public Settings(String server, DevicePreferences devices, Resolution resolution, List<IceServerSetting> iceServers,
                    Language language) {
        this(server, devices, resolution, iceServers, language, false);
    }

    /** The built-in server, system devices, 1280x720, no STUN/TURN servers, the system's language, direct allowed. */
    public static Settings defaults() {
        return new Settings(BUILT_IN_SERVER, DevicePreferences.systemDefaults(), Resolution.HD, List.of(), Language.SYSTEM);
    }

    /** The entries a peer connection can use; ones that fail {@link IceServerSetting#problem()} are left out. */
    public List<IceServer> usableIceServers() {
        return iceServers.stream().filter(s -> s.problem().isEmpty()).map(IceServerSetting::toIceServer).toList();
    }

    public Settings withServer(String newServer) {
        return new Settings(newServer, devices, resolution, iceServers, language, relayOnly, chimeVolume, displayName,
                shareSize);
    }

    public Settings withDevices(DevicePreferences newDevices) {
        return new Settings(server, newDevices, resolution, iceServers, language, relayOnly, chimeVolume, displayName,
                shareSize);
    }

    public Settings withResolution(Resolution newResolution) {
        return new Settings(server, devices, newResolution, iceServers, language, relayOnly, chimeVolume, displayName,
                shareSize);
    }

    public Settings withIceServers(List<IceServerSetting> newIceServers) {
        return new Settings(server, devices, resolution, newIceServers, language, relayOnly, chimeVolume, displayName,
                shareSize);
    }

    public Settings withChimeVolume(double newChimeVolume) {
        return new Settings(server, devices, resolution, iceServers, language, relayOnly, newChimeVolume, displayName,
                shareSize);
    }

    public Settings withDisplayName(String newDisplayName) {
        return new Settings(server, devices, resolution, iceServers, language, relayOnly, chimeVolume, newDisplayName,
                shareSize);
    }

    public Settings withRelayOnly(boolean newRelayOnly) {
        return new Settings(server, devices, resolution, iceServers, language, newRelayOnly, chimeVolume, displayName,
                shareSize);
    }

    public Settings withShareSize(ShareSize newShareSize) {
        return new Settings(server, devices, resolution, iceServers, language, relayOnly, chimeVolume, displayName,
                newShareSize);
    }
}
