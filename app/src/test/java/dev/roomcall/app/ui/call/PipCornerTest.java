package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PipCornerTest {

    @Test
    void aPictureLetGoSettlesInTheCornerOfItsQuadrant() {
        assertEquals(PipCorner.TOP_LEFT, PipCorner.nearest(100, 100, 1000, 600));
        assertEquals(PipCorner.TOP_RIGHT, PipCorner.nearest(900, 200, 1000, 600));
        assertEquals(PipCorner.BOTTOM_LEFT, PipCorner.nearest(499, 301, 1000, 600));
        assertEquals(PipCorner.BOTTOM_RIGHT, PipCorner.nearest(501, 599, 1000, 600));
    }

    @Test
    void inItsCornerItKeepsClearOfTheEdgesAndTheBars() {
        assertArrayEquals(new double[] {16, 64}, PipCorner.TOP_LEFT.position(1000, 600, 200, 112.5, 16, 64, 88));
        assertArrayEquals(new double[] {784, 399.5}, PipCorner.BOTTOM_RIGHT.position(1000, 600, 200, 112.5, 16, 64, 88));
        assertArrayEquals(new double[] {0, 0}, PipCorner.BOTTOM_RIGHT.position(100, 100, 200, 200, 16, 64, 88),
                "a pane smaller than the picture puts it at the origin");
    }
}
