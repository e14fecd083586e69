package dev.roomcall.app.presentation;

/**
 * What a person can do during a call from the keyboard. The keys are part of the contract (the help overlay
 * lists them, people learn them): M mute, V video, F fullscreen, Esc or Ctrl+W hang up, I statistics, C chat,
 * ? or H help, S share the screen. Descriptions come from the call bundle under {@code action.<name>}.
 */
public enum CallAction {
    TOGGLE_MICROPHONE("M"),
    TOGGLE_CAMERA("V"),
    TOGGLE_CHAT("C"),
    TOGGLE_SHARE("S"),
    TOGGLE_STATS("I"),
    TOGGLE_FULLSCREEN("F"),
    TOGGLE_HELP("? / H"),
    HANG_UP("Esc / Ctrl+W");

    private final String keys;

    CallAction(String keys) {
        this.keys = keys;
    }

    /** The keys as the help overlay shows them. */
    public String keys() {
        return keys;
    }

    /** What the action does, in the person's language. */
    public String description() {
        return CallStatus.text("action." + name());
    }

    /**
     * The action for a key press, or null. {@code key} is the typed character (for ?) or the key's name as the
     * toolkit reports it (single letters, "Esc"). Modifier-free keys only, except Ctrl+W.
     */
    public static CallAction forKey(String key, boolean control) {
        if (key == null) {
            return null;
        }
        String k = key.toUpperCase(java.util.Locale.ROOT);
        if (control) {
            return "W".equals(k) ? HANG_UP : null;
        }
        switch (k) {
            case "M":
                return TOGGLE_MICROPHONE;
            case "V":
                return TOGGLE_CAMERA;
            case "C":
                return TOGGLE_CHAT;
            case "S":
                return TOGGLE_SHARE;
            case "I":
                return TOGGLE_STATS;
            case "F":
                return TOGGLE_FULLSCREEN;
            case "H":
            case "?":
                return TOGGLE_HELP;
            case "ESC":
            case "ESCAPE":
                return HANG_UP;
            default:
                return null;
        }
    }
}
