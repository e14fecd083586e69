package dev.roomcall.bench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Y4mWriterTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsTheHeaderThenOneFrameLineAndI420PlanesPerFrame() throws IOException {
        Path file = Y4mWriter.write(dir.resolve("sub/cam.y4m"), new MovingPattern(32, 16, 4), 30, 3);
        byte[] bytes = Files.readAllBytes(file);
        String header = "YUV4MPEG2 W32 H16 F30:1 Ip A1:1 C420jpeg\n";
        int frame = "FRAME\n".length() + 32 * 16 * 3 / 2;
        assertEquals(header.length() + 3 * frame, bytes.length);
        assertEquals(header, new String(bytes, 0, header.length(), StandardCharsets.US_ASCII));
        assertEquals("FRAME\n", new String(bytes, header.length() + 2 * frame, 6, StandardCharsets.US_ASCII));
    }

    @Test
    void everyFrameOfALoopDiffersAndTheLoopClosesSeamlessly() {
        MovingPattern pattern = new MovingPattern(64, 48, 5);
        byte[][] frames = new byte[6][Y4mWriter.frameBytes(64, 48)];
        for (int i = 0; i < 6; i++) {
            pattern.paint(i, frames[i]);
        }
        for (int i = 1; i < 5; i++) {
            assertFalse(Arrays.equals(frames[i - 1], frames[i]), "frame " + i + " moved");
        }
        assertEquals(Arrays.toString(frames[0]), Arrays.toString(frames[5]), "frame 5 is frame 0 again");
    }

    @Test
    void oddOrTinySizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MovingPattern(33, 16, 4));
        assertThrows(IllegalArgumentException.class, () -> new MovingPattern(8, 8, 4));
    }
}
