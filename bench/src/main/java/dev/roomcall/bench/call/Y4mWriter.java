package dev.roomcall.bench.call;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a YUV4MPEG2 file (the format Chromium's {@code --use-file-for-fake-video-capture} plays in a loop): a
 * one-line header, then per frame a {@code FRAME} line and the raw I420 planes (Y, then U, then V).
 */
public final class Y4mWriter {

    private Y4mWriter() {}

    /** The stream header for progressive 4:2:0 video with square pixels. */
    public static String header(int width, int height, int fps) {
        return "YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n";
    }

    /** Bytes of one frame's planes, without the FRAME line. */
    public static int frameBytes(int width, int height) {
        int chroma = ((width + 1) / 2) * ((height + 1) / 2);
        return width * height + 2 * chroma;
    }

    /**
     * Writes {@code frames} frames painted by {@code pattern} to {@code file}, replacing it.
     *
     * @return the file
     */
    public static Path write(Path file, MovingPattern pattern, int fps, int frames) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] planes = new byte[frameBytes(pattern.width(), pattern.height())];
        byte[] frameLine = "FRAME\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(header(pattern.width(), pattern.height(), fps).getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < frames; i++) {
                pattern.paint(i, planes);
                out.write(frameLine);
                out.write(planes);
            }
        }
        return file;
    }
}
