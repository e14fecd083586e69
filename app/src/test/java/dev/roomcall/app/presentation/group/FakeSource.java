package dev.roomcall.app.presentation.group;

import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;

/** A picture source that never has a picture: the model only keeps it, it never looks inside. */
enum FakeSource implements FrameSource {
    INSTANCE;

    @Override
    public Watch watch() {
        return () -> { };
    }

    @Override
    public Frame latest() {
        return null;
    }

    @Override
    public long framesReceived() {
        return 0;
    }

    @Override
    public void addFrameListener(Runnable onNewFrame) {
    }

    @Override
    public void removeFrameListener(Runnable onNewFrame) {
    }
}
