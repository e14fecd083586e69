package dev.roomcall.app.presentation;

import dev.roomcall.app.i18n.I18n;

/**
 * The words a person sees for each moment of a call, in the person's language. Everything here comes from the
 * call screen's bundle ({@link #BUNDLE}), so the model's words and the view's are translated together.
 */
public final class CallStatus {

    /** The call feature's resource bundle (English and Simplified Chinese). */
    public static final String BUNDLE = "dev.roomcall.app.ui.call.call";

    private CallStatus() {}

    /** A message from the call bundle. */
    public static String text(String key, Object... args) {
        return I18n.text(BUNDLE, key, args);
    }

    /** The main line for a phase; {@code server} fills the "server unreachable" text. */
    public static String describe(CallPhase phase, String server) {
        switch (phase) {
            case STARTING:
                return text("status.starting");
            case WAITING:
                return text("status.waiting");
            case CALLING:
                return text("status.calling");
            case CONNECTING:
                return text("status.connecting");
            case CONNECTED:
                return text("status.connected");
            case INTERRUPTED:
                return text("status.interrupted");
            case SIGNALING_LOST:
                return text("status.signalingLost");
            case SERVER_UNREACHABLE:
                return text("status.unreachable", server);
            case PEER_LEFT:
                return text("status.peerLeft");
            case ROOM_FULL:
                return text("status.roomFull");
            case FAILED:
                return text("status.failed");
            case ENDED:
            default:
                return text("status.ended");
        }
    }

    /** The short form for the window title. */
    public static String shortName(CallPhase phase) {
        return text("phase." + phase.name());
    }

    /** A problem in words: known codes get their own text, anything else shows the message as it came. */
    public static String problem(String code, String message) {
        if ("ice-failed".equals(code)) {
            return text("problem.iceFailed");
        }
        String known = I18n.text(BUNDLE, "problem." + code);
        if (!known.startsWith("!")) {
            return known;
        }
        return text("problem.other", message == null || message.isBlank() ? code : message);
    }
}
