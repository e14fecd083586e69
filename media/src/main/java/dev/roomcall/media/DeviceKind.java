package dev.roomcall.media;

/** The devices a person can choose between. */
public enum DeviceKind {
    CAMERA,
    MICROPHONE,
    SPEAKER
}
