package dev.roomcall.app.settings;

/**
 * Why a value typed into the settings cannot be used. The UI turns each into words from its bundle
 * ({@code problem.<name in lower case>}), so this package stays free of language and toolkit.
 */
public enum SettingProblem {
    /** A server address must start with ws://, wss://, http:// or https://. */
    SERVER_SCHEME,
    /** A server address needs a host name or IP address (and a port within 1..65535 if one is given). */
    SERVER_HOST,
    /** An ICE server URL must start with stun:, turn: or turns:. */
    ICE_SCHEME,
    /** An ICE server URL needs a host and a valid port, and only turn URLs may say {@code ?transport=udp|tcp}. */
    ICE_HOST,
    /** TURN servers refuse relays without a username and a credential; browsers reject such entries outright. */
    TURN_CREDENTIALS
}
