package dev.roomcall.app.presentation;

import java.util.Objects;

/**
 * One line in the chat panel. Text only: views must show it as text, never interpret it.
 *
 * @param from      who wrote it
 * @param text      the message (already bounded), or a note's words
 * @param shortened true if the message was cut to fit; the view says so
 * @param atMillis  wall-clock time, for the time stamp
 */
public record ChatEntry(From from, String text, boolean shortened, long atMillis) {

    public enum From {
        ME,
        PEER,
        /** A note from the app itself ("the other person joined the chat", "message not sent"). */
        NOTE
    }

    public ChatEntry {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
    }
}
