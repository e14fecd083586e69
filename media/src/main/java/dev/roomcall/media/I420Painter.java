package dev.roomcall.media;

/** Paints one frame of a synthetic picture. */
interface I420Painter {
    void paint(I420Canvas canvas, long frameNumber);
}
