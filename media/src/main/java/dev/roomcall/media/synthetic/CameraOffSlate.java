package dev.roomcall.media.synthetic;

import java.util.Arrays;

/** What the peer sees when there is no camera: a calm dark frame that says so. */
final class CameraOffSlate implements I420Painter {
    static final String TEXT = "CAMERA OFF";
    static final int BACKGROUND_LUMA = 32;
    static final int TEXT_LUMA = 150;

    @Override
    public void paint(I420Canvas canvas, long frameNumber) {
        byte[] yRow = new byte[canvas.width];
        byte[] chromaRow = new byte[canvas.chromaWidth()];
        Arrays.fill(yRow, (byte) BACKGROUND_LUMA);
        Arrays.fill(chromaRow, (byte) 128);
        canvas.fillRows(yRow, chromaRow, chromaRow);

        int scale = Math.max(1, Math.min(canvas.width / (GlyphFont.textWidth(TEXT, 1) * 2), canvas.height / 40));
        int textWidth = GlyphFont.textWidth(TEXT, scale);
        int textHeight = GlyphFont.GLYPH_HEIGHT * scale;
        int x = (canvas.width - textWidth) / 2;
        int top = (canvas.height - textHeight) / 2;
        GlyphFont.draw(canvas, TEXT, x, top, scale, TEXT_LUMA, 128, 128);
        // A thin rule under the words, so the slate reads as deliberate rather than as a broken stream.
        canvas.fillRect(x, top + textHeight + 2 * scale, textWidth, Math.max(1, scale / 2), TEXT_LUMA / 2 + 16, 128, 128);
    }
}
