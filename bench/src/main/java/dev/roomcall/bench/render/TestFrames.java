package dev.roomcall.bench.render;

import dev.onvoid.webrtc.internal.NativeLoader;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.roomcall.bench.call.MovingPattern;
import dev.roomcall.bench.call.Y4mWriter;

/** Native I420 frames with a real picture in them, for the render-path benchmarks. */
public final class TestFrames {

    private static boolean loaded;

    private TestFrames() {}

    /** Loads libwebrtc's JNI library once (what media's engine does on start). */
    public static synchronized void loadNatives() throws Exception {
        if (!loaded) {
            NativeLoader.loadLibrary("webrtc-java");
            loaded = true;
        }
    }

    /** A native buffer holding the benchmark's camera picture at this size. */
    public static NativeI420Buffer picture(int width, int height) throws Exception {
        loadNatives();
        MovingPattern pattern = new MovingPattern(width, height, 60);
        byte[] planes = new byte[Y4mWriter.frameBytes(width, height)];
        pattern.paint(7, planes);
        NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
        int chromaWidth = width / 2;
        int chromaHeight = height / 2;
        for (int row = 0; row < height; row++) {
            buffer.getDataY().put(row * buffer.getStrideY(), planes, row * width, width);
        }
        int u = width * height;
        int v = u + chromaWidth * chromaHeight;
        for (int row = 0; row < chromaHeight; row++) {
            buffer.getDataU().put(row * buffer.getStrideU(), planes, u + row * chromaWidth, chromaWidth);
            buffer.getDataV().put(row * buffer.getStrideV(), planes, v + row * chromaWidth, chromaWidth);
        }
        return buffer;
    }

    /** "1280x720" → {1280, 720} */
    public static int[] size(String size) {
        String[] parts = size.split("x");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
