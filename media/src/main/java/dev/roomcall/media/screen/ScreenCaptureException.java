package dev.roomcall.media.screen;

/** A source could not be captured; the message is meant for the person. */
public final class ScreenCaptureException extends Exception {
    public ScreenCaptureException(String message) {
        super(message);
    }
}
