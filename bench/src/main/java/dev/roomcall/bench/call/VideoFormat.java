package dev.roomcall.bench.call;

/** Picture size and rate every side of the call sends. */
record VideoFormat(int width, int height, int fps) {
    @Override
    public String toString() {
        return width + "x" + height + "@" + fps;
    }
}
