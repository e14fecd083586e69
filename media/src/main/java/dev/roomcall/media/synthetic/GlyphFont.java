package dev.roomcall.media.synthetic;

import java.util.Map;

/**
 * A 5x7 pixel font with just the characters the synthetic pictures print (digits and the letters of
 * "CAMERA OFF"), scaled up by whole pixels so it survives video compression.
 */
final class GlyphFont {
    static final int GLYPH_WIDTH = 5;
    static final int GLYPH_HEIGHT = 7;
    /** Blank columns between characters, in font pixels. */
    static final int SPACING = 1;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('0', new String[] {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}),
            Map.entry('1', new String[] {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('2', new String[] {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}),
            Map.entry('3', new String[] {"####.", "....#", "....#", ".###.", "....#", "....#", "####."}),
            Map.entry('4', new String[] {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}),
            Map.entry('5', new String[] {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}),
            Map.entry('6', new String[] {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}),
            Map.entry('7', new String[] {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}),
            Map.entry('8', new String[] {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}),
            Map.entry('9', new String[] {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}),
            Map.entry('A', new String[] {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}),
            Map.entry('C', new String[] {".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."}),
            Map.entry('E', new String[] {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}),
            Map.entry('F', new String[] {"#####", "#....", "#....", "####.", "#....", "#....", "#...."}),
            Map.entry('M', new String[] {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}),
            Map.entry('O', new String[] {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}),
            Map.entry('R', new String[] {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}),
            Map.entry(' ', new String[] {".....", ".....", ".....", ".....", ".....", ".....", "....."}));

    private GlyphFont() {}

    /** Width in image pixels of {@code text} drawn at {@code scale}. */
    static int textWidth(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * (GLYPH_WIDTH + SPACING) - SPACING) * scale;
    }

    /** Draws {@code text} with its top-left corner at (x, top); unknown characters draw as blanks. */
    static void draw(I420Canvas canvas, String text, int x, int top, int scale, int luma, int cb, int cr) {
        int cursor = x;
        for (int i = 0; i < text.length(); i++) {
            String[] glyph = GLYPHS.get(text.charAt(i));
            if (glyph != null) {
                for (int row = 0; row < GLYPH_HEIGHT; row++) {
                    for (int col = 0; col < GLYPH_WIDTH; col++) {
                        if (glyph[row].charAt(col) == '#') {
                            canvas.fillRect(cursor + col * scale, top + row * scale, scale, scale, luma, cb, cr);
                        }
                    }
                }
            }
            cursor += (GLYPH_WIDTH + SPACING) * scale;
        }
    }
}
