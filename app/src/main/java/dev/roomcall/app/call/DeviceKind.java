package dev.roomcall.app.call;

/** The kinds of device a person chooses between. */
public enum DeviceKind {
    CAMERA, MICROPHONE, SPEAKER
}
