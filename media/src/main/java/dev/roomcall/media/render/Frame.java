package dev.roomcall.media.render;

import java.nio.ByteBuffer;

/**
 * One converted video frame.
 *
 * @param width    pixels
 * @param height   pixels
 * @param rotation clockwise degrees the frame must be rotated for display (0, 90, 180, 270)
 * @param bgra     direct buffer, position 0, exactly {@code width*height*4} bytes, rows tightly packed, bytes B,G,R,A
 *                 per pixel with A=255 (so it is both premultiplied and not: JavaFX {@code BYTE_BGRA_PRE} fits)
 * @param sequence which frame of its source this is, counting every frame that arrived (also those not converted
 *                 because nobody watched), so it grows by one per frame while watched
 */
public record Frame(int width, int height, int rotation, ByteBuffer bgra, long sequence) {}
