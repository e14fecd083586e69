package dev.roomcall.app.ui.call;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A tiny line chart of the last minute of one number (bitrate, round-trip time): people read a trend faster
 * than a column of figures. Drawn on a canvas, scaled to its own maximum (with a floor, so a flat quiet line
 * does not look like a storm).
 */
final class Sparkline extends Canvas {

    private final Color line;
    private final double minimumScale;
    private double[] values = new double[0];
    private long slots;

    /**
     * @param slots        how many samples fit across (60 for a minute of one-second samples)
     * @param minimumScale the top of the chart is at least this value
     */
    Sparkline(double width, double height, Color line, double minimumScale, int slots) {
        super(width, height);
        this.line = line;
        this.minimumScale = minimumScale;
        this.slots = slots;
        getStyleClass().add("sparkline");
        draw();
    }

    void show(double[] newest) {
        values = newest;
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.rgb(255, 255, 255, 0.05));
        g.fillRoundRect(0, 0, w, h, 6, 6);
        if (values.length == 0) {
            return;
        }
        double max = minimumScale;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double step = w / Math.max(1, slots - 1);
        double x0 = w - step * (values.length - 1);
        g.beginPath();
        g.moveTo(x0, h - 2);
        for (int i = 0; i < values.length; i++) {
            g.lineTo(x0 + i * step, y(values[i], max, h));
        }
        g.lineTo(x0 + (values.length - 1) * step, h - 2);
        g.closePath();
        g.setFill(line.deriveColor(0, 1, 1, 0.18));
        g.fill();
        g.beginPath();
        for (int i = 0; i < values.length; i++) {
            double x = x0 + i * step;
            double y = y(values[i], max, h);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.setStroke(line);
        g.setLineWidth(1.5);
        g.stroke();
    }

    private static double y(double value, double max, double h) {
        return h - 2 - (h - 4) * Math.max(0, value) / max;
    }
}
