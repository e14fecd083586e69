package dev.roomcall.media.synthetic;

/** Paints one frame of a synthetic picture. */
interface I420Painter {
    void paint(I420Canvas canvas, long frameNumber);
}
