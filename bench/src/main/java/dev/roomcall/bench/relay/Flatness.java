package dev.roomcall.bench.relay;

import java.util.List;

/**
 * Whether a quantity sampled over a steady load stayed flat: the least-squares line through the samples may rise by
 * at most {@code tolerance} of their mean from the first sample's time to the last. A line, not first against last,
 * so the saw-tooth of a collected heap does not decide the verdict by where the two ends happened to fall.
 */
record Flatness(double growth, boolean flat) {

    static Flatness of(List<Double> samples, double tolerance) {
        List<Double> values = samples.stream().filter(v -> !Double.isNaN(v)).toList();
        if (values.size() < 3) {
            throw new IllegalArgumentException("need at least 3 samples to judge flatness, got " + values.size());
        }
        int n = values.size();
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (values.get(i) - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        double rise = sxy / sxx * (n - 1);
        double growth = meanY == 0 ? (rise == 0 ? 0 : Double.POSITIVE_INFINITY) : rise / meanY;
        return new Flatness(growth, growth <= tolerance);
    }
}
