package dev.roomcall.app.presentation;

/** Whether the other person can be heard, as far as this side can tell. */
public enum RemoteAudio {
    /** Too early to say (not connected, or not long enough). */
    UNKNOWN,
    /** Sound arrives. */
    SOUND,
    /** The other side said its microphone is off. */
    MUTED,
    /** Audio packets arrive but carry only silence (a muted browser tab or a dead microphone). */
    SILENT,
    /** No audio arrives at all (no microphone on the other side, or its audio stopped). */
    NONE
}
