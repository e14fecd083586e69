package dev.roomcall.bench.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Median and spread of a handful of repeated measurements. The median, not the mean: one run disturbed by a
 * concurrent build must not move the headline figure; the spread (min..max) shows that such a run happened.
 *
 * @param count  number of measurements
 * @param median middle value (mean of the two middle values for an even count)
 * @param min    smallest value
 * @param max    largest value
 */
public record Summary(int count, double median, double min, double max) {

    /** What an empty series summarises to: NaN figures, so a missing measurement can never pass for a zero. */
    public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN);

    /** Summarises the values, ignoring NaN (a repetition that could not measure this figure). */
    public static Summary of(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double value : values) {
            if (value != null && !value.isNaN()) {
                sorted.add(value);
            }
        }
        if (sorted.isEmpty()) {
            return EMPTY;
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(n, median, sorted.get(0), sorted.get(n - 1));
    }

    /** (max - min) / median: 0.1 means the repetitions lie within 10 % of the median's size. */
    public double relativeSpread() {
        if (count == 0 || median == 0) {
            return Double.NaN;
        }
        return (max - min) / Math.abs(median);
    }

    /** This median divided by the other's: the "Roomcall / Chromium" figure. NaN if either is missing or zero. */
    public double ratioTo(Summary other) {
        if (count == 0 || other.count == 0 || other.median == 0) {
            return Double.NaN;
        }
        return median / other.median;
    }
}
